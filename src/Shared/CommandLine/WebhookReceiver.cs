using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client;

namespace Sunbay.CommandLine;

/// <summary>
/// A webhook receiver inside the process: Kestrel on 127.0.0.1 with <c>MapSunbayWebhooks</c>, the same three lines as in
/// an ASP.NET Core app. Verified notifications go to the shared <see cref="ITransactionNotificationBus"/>, so the
/// client's waiting operations complete at once, and, when one is given, to an <see cref="IWebhookObserver"/> with the
/// rejected deliveries (so the go-live check can say what arrived).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>The route of the endpoint: the path of the notify URL.</summary>
    public const string Path = "/webhooks/sunbay";

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri localUrl)
    {
        _app = app;
        LocalUrl = localUrl;
    }

    /// <summary>Where the receiver listens, e.g. <c>http://127.0.0.1:41234/webhooks/sunbay</c>.</summary>
    public Uri LocalUrl { get; }

    /// <summary>Starts the receiver.</summary>
    /// <param name="secrets">Webhook signing secrets (at least one).</param>
    /// <param name="bus">The bus the client's operations listen to.</param>
    /// <param name="observer">Told what arrives, or <see langword="null"/> when only the bus needs to know.</param>
    /// <param name="port">Local port; 0 for a random free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WebhookReceiver> StartAsync(IReadOnlyList<string> secrets, ITransactionNotificationBus bus, IWebhookObserver? observer, int port, CancellationToken cancellationToken)
    {
        // An empty builder: no appsettings, no ASPNETCORE_URLS, no console logging of every request. Only what is set here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(bus);
        builder.Services.AddSunbayWebhooks(options =>
        {
            foreach (var secret in secrets)
            {
                options.Secrets.Add(secret);
            }
        });
        var app = builder.Build();
        if (observer is not null)
        {
            app.Use(async (context, next) =>
            {
                var isWebhook = context.Request.Path.StartsWithSegments(Path);
                if (isWebhook)
                {
                    context.Request.EnableBuffering(); // to read a rejected body again, below
                }

                await next(context);
                if (isWebhook && context.Response.StatusCode >= 400)
                {
                    observer.OnRejected(context.Response.StatusCode, await UnverifiedTransactionRequestIdAsync(context.Request));
                }
            });
        }

        // The bus completes the waits; the observer, if any, is told.
        app.MapSunbayWebhooks(Path, (notification, _) =>
        {
            observer?.OnVerified(notification);
            return Task.CompletedTask;
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The webhook receiver cannot listen on 127.0.0.1:{port}: {ex.Message} Choose another --webhook-port.", ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var localUrl = new Uri(new Uri(address), Path);
        return new WebhookReceiver(app, localUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// The transactionRequestId a rejected delivery claims to be about. Not trusted for anything but telling which
    /// transaction's webhook failed (SUNBAY retries a rejected delivery while later transactions run).
    /// </summary>
    private static async Task<string?> UnverifiedTransactionRequestIdAsync(HttpRequest request)
    {
        try
        {
            request.Body.Position = 0;
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            return body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && body.RootElement.TryGetProperty("transactionRequestId", out var id)
                && id.ValueKind == System.Text.Json.JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
