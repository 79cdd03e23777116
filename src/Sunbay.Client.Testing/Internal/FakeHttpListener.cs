using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The real-HTTP transport of a fake host (<see cref="FakeSunbayHost"/>, <see cref="FakeCmComHost"/>): Kestrel from the
/// ASP.NET Core shared framework (no package), on 127.0.0.1, with one terminal middleware that hands every request to
/// the host.
/// </summary>
internal sealed class FakeHttpListener : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1);
    private readonly WebApplication _app;

    private FakeHttpListener(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static FakeHttpListener Start(FakeServer host, int port)
    {
        // The empty builder reads no configuration, environment variables or appsettings: nothing outside can move the port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(context => ServeAsync(host, context));
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new FakeHttpListener(app, new Uri(address).Port);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A request the host still holds (latency on a clock nobody moves) must not keep a test's dispose waiting.
            using var stopping = new CancellationTokenSource(ShutdownTimeout);
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task ServeAsync(FakeServer host, HttpContext context)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values.ToArray());
        }

        string body;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false)))
        {
            body = await reader.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var rawQuery = request.QueryString.Value ?? string.Empty;
        var incoming = new IncomingRequest(request.Method.ToUpperInvariant(), request.Path.Value ?? "/", headers, FakeQuery.Parse(rawQuery), body);

        // The host goes on with a request whose caller gave up (as a real server does): no RequestAborted here.
        var answer = await host.HandleAsync(incoming, rawQuery).ConfigureAwait(false);
        if (answer.Drop)
        {
            context.Abort();
            return;
        }

        try
        {
            var response = context.Response;
            response.StatusCode = answer.StatusCode;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ConnectionAbortedException)
        {
            // The client went away (e.g. it timed out while the host held the request): nobody to answer.
        }
    }
}
