using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 (free port) answering canned bodies, cheap enough that the client's own cost
/// shows: no routing framework beyond a switch on the path; a request body is read whole and a sale's answer echoes its
/// referenceOrderId and transactionRequestId (<see cref="SunbayEnvelopes"/>), as SUNBAY does; CM.com's purchase and
/// read are answered with <see cref="CmComEnvelopes"/> (201 and 200).
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

    /// <summary>
    /// When set, every request is described here (method, target, headers, body) before it is answered: to check that
    /// the clients send the same request. Off while measuring.
    /// </summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string>? Recorded { get; set; }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            // Read the body whole, as a real server would (a sale's answer echoes two of its values).
            var length = 0;
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                int read;
                while ((read = await request.Body.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            if (Recorded is { } recorded)
            {
                recorded.Enqueue(Describe(request, buffer.AsSpan(0, length)));
            }

            var path = request.Path.Value ?? string.Empty;
            ReadOnlyMemory<byte> body;
            if (path == SunbayEnvelopes.SalePath)
            {
                var answer = ArrayPool<byte>.Shared.Rent(SunbayEnvelopes.SaleResponseMaxLength);
                var written = SunbayEnvelopes.WriteSaleResponse(buffer.AsSpan(0, length), answer);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = answer;
                body = answer.AsMemory(0, written);
            }
            else
            {
                body = path switch
                {
                    SunbayEnvelopes.QueryPath => SunbayEnvelopes.QueryResponse,
                    CmComEnvelopes.TransactionPath => CmComEnvelopes.Cleared,
                    CmComEnvelopes.TransactionsPath when HttpMethods.IsPost(request.Method) => CmComEnvelopes.Created,
                    _ when path.StartsWith("/v1/payment_intents", StringComparison.Ordinal) => Canned.PaymentIntent,
                    _ => ReadOnlyMemory<byte>.Empty,
                };
            }

            if (body.IsEmpty)
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.StatusCode = path == CmComEnvelopes.TransactionsPath ? 201 : 200; // CM.com: 201 Created
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Describe(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var text = new System.Text.StringBuilder();
        text.Append(request.Method).Append(' ').Append(request.Path).Append(request.QueryString).Append(' ').AppendLine(request.Protocol);
        foreach (var (name, values) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            var value = name is "X-Client-Request-Id" or "X-Timestamp" ? "(" + values.ToString().Length + " chars)"
                : name == "Authorization" ? values.ToString()[..Math.Min(12, values.ToString().Length)] + "..."
                : values.ToString();
            text.Append("  ").Append(name).Append(": ").AppendLine(value);
        }

        if (!body.IsEmpty)
        {
            text.Append("  body: ").AppendLine(System.Text.Encoding.UTF8.GetString(body));
        }

        return text.ToString();
    }
}
