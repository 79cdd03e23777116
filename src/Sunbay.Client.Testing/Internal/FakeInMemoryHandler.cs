using System.Net;
using System.Text;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The in-memory transport of a fake host (<see cref="FakeSunbayHost"/>, <see cref="FakeCmComHost"/>): each request goes
/// straight to the host, with the headers, query and body a socket would have carried; a dropped connection becomes the
/// exception a socket gives.
/// </summary>
internal sealed class FakeInMemoryHandler(FakeServer host) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        // In flight from here until the response is handed back: a FakeClock driven by RunUntilAsync does not move
        // meanwhile, so the caller's time limit cannot expire while its request is still being served in memory.
        using var inFlight = host.Work.Begin();
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri.");
        if (!uri.IsAbsoluteUri)
        {
            uri = new Uri(host.BaseAddress(), uri);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        var body = string.Empty;
        if (request.Content is { } content)
        {
            body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                headers[name] = values.ToString();
            }

            headers["Content-Length"] = Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        headers["Host"] = uri.Authority;
        var rawQuery = uri.Query;
        var incoming = new IncomingRequest(request.Method.Method.ToUpperInvariant(), Uri.UnescapeDataString(uri.AbsolutePath), headers, FakeQuery.Parse(rawQuery), body);

        // The host carries on with a request whose caller gave up (as over a network): only the caller's wait is cancelled.
        var answer = await host.HandleAsync(incoming, rawQuery).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (answer.Drop)
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "An error occurred while sending the request.",
                new IOException($"The response ended prematurely: {host.Name} closed the connection without an answer."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Version = request.Version,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(answer.Body)),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
