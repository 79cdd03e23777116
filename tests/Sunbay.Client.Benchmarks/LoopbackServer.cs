using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 (free port) answering canned bodies, cheap enough that the client's own cost
/// shows: no routing framework beyond a switch on the path, bodies read and dropped.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            // Read (and drop) the body, as a real server would.
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
            while (await request.Body.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
            }

            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        var path = request.Path.Value ?? string.Empty;
        byte[] body = path switch
        {
            "/v1/semi-integration/transaction/sale" => Canned.SaleResponse,
            "/v1/transaction/query" => Canned.QueryResponse,
            _ when path.StartsWith("/v1/payment_intents", StringComparison.Ordinal) => Canned.PaymentIntent,
            _ => [],
        };
        if (body.Length == 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
