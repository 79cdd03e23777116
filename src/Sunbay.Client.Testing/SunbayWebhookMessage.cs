using System.Net.Http.Headers;
using System.Text;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Testing;

/// <summary>A signed webhook delivery, as <see cref="SunbayWebhookSigner"/> made it: the exact body bytes and the headers.</summary>
public sealed class SunbayWebhookMessage
{
    /// <summary>The content type SUNBAY sends webhooks with.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Creates a message.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="headers">The signed headers.</param>
    public SunbayWebhookMessage(ReadOnlyMemory<byte> body, SunbayWebhookHeaders headers)
    {
        Body = body;
        Headers = headers;
    }

    /// <summary>The raw body bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The <c>X-Signature</c>, <c>X-Timestamp</c> and <c>X-Client-Request-Id</c> headers.</summary>
    public SunbayWebhookHeaders Headers { get; }

    /// <summary>A POST of this delivery to <paramref name="requestUri"/>, as SUNBAY would send it. Each call makes a new request.</summary>
    /// <param name="requestUri">The receiver's URL (the transaction's <c>notifyUrl</c>).</param>
    public HttpRequestMessage ToHttpRequestMessage(Uri requestUri)
    {
        var content = new ReadOnlyMemoryContent(Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = content };
        request.Headers.TryAddWithoutValidation(SunbayWebhookHeaders.SignatureHeaderName, Headers.Signature);
        request.Headers.TryAddWithoutValidation(SunbayWebhookHeaders.TimestampHeaderName, Headers.Timestamp);
        request.Headers.TryAddWithoutValidation(SunbayWebhookHeaders.ClientRequestIdHeaderName, Headers.ClientRequestId);
        return request;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Webhook delivery {Headers.ClientRequestId} ({Body.Length} bytes)";
}
