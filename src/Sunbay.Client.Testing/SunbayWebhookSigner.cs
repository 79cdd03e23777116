using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Testing;

/// <summary>
/// Signs webhook deliveries the way SUNBAY does (HMAC-SHA256 of the raw body, lowercase hex, 13-digit millisecond
/// timestamp, a UUID delivery ID), for tests of a webhook receiver. <see cref="FakeSunbayHost"/> signs its webhooks with
/// it; production code only verifies (<see cref="SunbayWebhookVerifier"/>).
/// </summary>
public sealed class SunbayWebhookSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer.</summary>
    /// <param name="secret">The webhook signing secret; its UTF-8 bytes are the HMAC key.</param>
    /// <param name="timeProvider">The clock for <c>X-Timestamp</c>; default <see cref="TimeProvider.System"/>.</param>
    public SunbayWebhookSigner(string secret, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The <c>X-Signature</c> of <paramref name="body"/>: HMAC-SHA256, 64 lowercase hex digits.</summary>
    /// <param name="body">The raw body bytes.</param>
    public string ComputeSignature(ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[32];
        HMACSHA256.HashData(_key, body, digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    /// <summary>Signs a body as it is.</summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <param name="clientRequestId">The delivery ID; default a new UUID. Re-use one to simulate a re-delivery.</param>
    public SunbayWebhookMessage Sign(ReadOnlyMemory<byte> body, string? clientRequestId = null)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var headers = new SunbayWebhookHeaders(ComputeSignature(body.Span), timestamp, clientRequestId ?? Guid.NewGuid().ToString());
        return new SunbayWebhookMessage(body, headers);
    }

    /// <summary>Signs a JSON body given as text (encoded as UTF-8).</summary>
    /// <param name="body">The JSON body.</param>
    /// <param name="clientRequestId">The delivery ID; default a new UUID. Re-use one to simulate a re-delivery.</param>
    public SunbayWebhookMessage Sign(string body, string? clientRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(Encoding.UTF8.GetBytes(body), clientRequestId);
    }

    /// <summary>Writes <paramref name="transaction"/> as a webhook body (<see cref="SunbayWebhookPayload.Serialize"/>) and signs it.</summary>
    /// <param name="transaction">The transaction the webhook reports.</param>
    /// <param name="clientRequestId">The delivery ID; default a new UUID. Re-use one to simulate a re-delivery.</param>
    public SunbayWebhookMessage Sign(Transaction transaction, string? clientRequestId = null) =>
        Sign(SunbayWebhookPayload.Serialize(transaction), clientRequestId);

    /// <inheritdoc/>
    public override string ToString() => "SunbayWebhookSigner (secret hidden)";
}
