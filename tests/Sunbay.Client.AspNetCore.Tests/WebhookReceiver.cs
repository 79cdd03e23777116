using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (port chosen by the OS) with the webhook endpoint at <c>/webhooks/sunbay</c>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private WebhookReceiver(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => App.Services;

    public static async Task<WebhookReceiver> StartAsync(
        Func<TransactionNotification, CancellationToken, Task> handler,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null,
        Action<SunbayWebhookOptions>? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Services.AddSunbayWebhooks(o =>
        {
            o.Secrets.Add(TestData.Secret);
            options?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSunbayWebhooks("/webhooks/sunbay", handler);
        await app.StartAsync();
        return new WebhookReceiver(app, new Uri(new Uri(app.Urls.Single()), "/webhooks/sunbay"));
    }

    public async Task<HttpResponseMessage> PostAsync(SunbayWebhookMessage message)
    {
        using var request = message.ToHttpRequestMessage(Url);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
