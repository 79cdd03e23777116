using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// A correctly signed webhook whose identifying fields are not the expected kind of JSON value is refused, never handled:
/// a lenient read would take an object's text as a transaction id. (Only SUNBAY pushes webhooks; CM.com has none.)
/// </summary>
public sealed class WebhookPromiseTests
{
    private const string Secret = "whsec_promises_0123456789";

    [Theory]
    [InlineData("""{"transactionId":{"id":"7225836252468027"},"transactionRequestId":"PAY_REQ_1","transactionStatus":"S"}""")]
    [InlineData("""{"transactionId":["7225836252468027"],"transactionStatus":"S"}""")]
    [InlineData("""{"transactionRequestId":{"$ne":null},"transactionStatus":"S"}""")]
    [InlineData("""{"transactionId":"7225836252468027","transactionStatus":{"code":"S"}}""")]
    [InlineData("""{"code":"0","data":{"transactionId":["1"],"transactionStatus":"S"}}""")]
    public void A_signed_webhook_with_a_field_of_the_wrong_kind_is_refused(string body)
    {
        var (verifier, headers, bytes) = Signed(body);

        var error = Assert.Throws<SunbayWebhookException>(() => verifier.Verify(headers, bytes));

        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, error.Reason);
        Assert.False(verifier.TryVerify(headers, bytes, out _, out var reason));
        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, reason);
    }

    [Theory]
    [InlineData("""{"transactionId":"7225836252468027","transactionStatus":"S","attach":{"table":4}}""")]
    [InlineData("""{"transactionId":7225836252468027,"transactionStatus":"S"}""")]
    public void A_signed_webhook_of_the_right_kinds_is_accepted(string body)
    {
        var (verifier, headers, bytes) = Signed(body);

        Assert.Equal("7225836252468027", verifier.Verify(headers, bytes).Transaction.TransactionId);
    }

    private static (SunbayWebhookVerifier Verifier, SunbayWebhookHeaders Headers, byte[] Body) Signed(string body)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var options = new SunbayWebhookOptions();
        options.Secrets.Add(Secret);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes));
        var headers = new SunbayWebhookHeaders(signature, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "req-1");
        return (new SunbayWebhookVerifier(options, time), headers, bytes);
    }
}
