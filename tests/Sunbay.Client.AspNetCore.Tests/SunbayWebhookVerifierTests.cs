using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

public sealed class SunbayWebhookVerifierTests
{
    private readonly FakeTimeProvider _time = new(TestData.Now);

    public enum BadInput
    {
        TamperedBody,
        WrongSecret,
        MissingSignature,
        MissingTimestamp,
        MissingClientRequestId,
        StaleTimestamp,
        FutureTimestamp,
        NonNumericTimestamp,
        SecondsTimestamp,
        ShortSignature,
        NonHexSignature,
        OversizedBody,
        NonJsonBody,
        JsonArrayBody,
        JsonWithoutIds,
    }

    [Theory]
    [InlineData(BadInput.TamperedBody, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(BadInput.WrongSecret, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(BadInput.MissingSignature, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(BadInput.MissingTimestamp, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(BadInput.MissingClientRequestId, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(BadInput.StaleTimestamp, SunbayWebhookFailureReason.TimestampOutOfRange)]
    [InlineData(BadInput.FutureTimestamp, SunbayWebhookFailureReason.TimestampOutOfRange)]
    [InlineData(BadInput.NonNumericTimestamp, SunbayWebhookFailureReason.MalformedHeader)]
    [InlineData(BadInput.SecondsTimestamp, SunbayWebhookFailureReason.MalformedHeader)]
    [InlineData(BadInput.ShortSignature, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(BadInput.NonHexSignature, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(BadInput.OversizedBody, SunbayWebhookFailureReason.TooLarge)]
    [InlineData(BadInput.NonJsonBody, SunbayWebhookFailureReason.MalformedBody)]
    [InlineData(BadInput.JsonArrayBody, SunbayWebhookFailureReason.MalformedBody)]
    [InlineData(BadInput.JsonWithoutIds, SunbayWebhookFailureReason.MalformedBody)]
    public void Rejects_bad_input_with_a_typed_reason(BadInput @case, SunbayWebhookFailureReason expected)
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var signer = new SunbayWebhookSigner(TestData.Secret, _time);
        var body = TestData.Body();
        var message = signer.Sign(body);
        var headers = message.Headers;
        var bytes = message.Body.ToArray();
        switch (@case)
        {
            case BadInput.TamperedBody:
                bytes = Encoding.UTF8.GetBytes(body.Replace("1050", "1", StringComparison.Ordinal));
                break;
            case BadInput.WrongSecret:
                headers = new SunbayWebhookSigner("whsec_someone_else", _time).Sign(body).Headers;
                break;
            case BadInput.MissingSignature:
                headers = headers with { Signature = null };
                break;
            case BadInput.MissingTimestamp:
                headers = headers with { Timestamp = "" };
                break;
            case BadInput.MissingClientRequestId:
                headers = headers with { ClientRequestId = null };
                break;
            case BadInput.StaleTimestamp:
                _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));
                break;
            case BadInput.FutureTimestamp:
                headers = headers with { Timestamp = Ms(TestData.Now + TimeSpan.FromMinutes(6)) };
                break;
            case BadInput.NonNumericTimestamp:
                headers = headers with { Timestamp = "17640000000x0" };
                break;
            case BadInput.SecondsTimestamp:
                headers = headers with { Timestamp = TestData.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
                break;
            case BadInput.ShortSignature:
                headers = headers with { Signature = headers.Signature![..40] };
                break;
            case BadInput.NonHexSignature:
                headers = headers with { Signature = "zz" + headers.Signature![2..] };
                break;
            case BadInput.OversizedBody:
                (bytes, headers) = Signed(new string(' ', SunbayWebhookOptions.DefaultMaxBodyBytes - body.Length + 1) + body);
                break;
            case BadInput.NonJsonBody:
                (bytes, headers) = Signed("transactionId=1&status=S");
                break;
            case BadInput.JsonArrayBody:
                (bytes, headers) = Signed("[]");
                break;
            case BadInput.JsonWithoutIds:
                (bytes, headers) = Signed("""{"transactionStatus":"S"}""");
                break;
        }

        Assert.False(verifier.TryVerify(headers, bytes, out var notification, out var failure));
        Assert.Null(notification);
        Assert.Equal(expected, failure);
        var thrown = Assert.Throws<SunbayWebhookException>(() => verifier.Verify(headers, bytes));
        Assert.Equal(expected, thrown.Reason);
        Assert.DoesNotContain(TestData.Secret, thrown.ToString(), StringComparison.Ordinal);

        (byte[], SunbayWebhookHeaders) Signed(string text)
        {
            var signed = signer.Sign(text);
            return (signed.Body.ToArray(), signed.Headers);
        }
    }

    public enum SignatureEncoding
    {
        LowerHex,
        UpperHex,
        Base64,
    }

    [Theory]
    [InlineData(SignatureEncoding.LowerHex)]
    [InlineData(SignatureEncoding.UpperHex)]
    [InlineData(SignatureEncoding.Base64)]
    public void Accepts_the_signature_as_lower_hex_upper_hex_or_base64(SignatureEncoding encoding)
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var body = Encoding.UTF8.GetBytes(TestData.Body());
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestData.Secret), body);
        var signature = encoding switch
        {
            SignatureEncoding.LowerHex => Convert.ToHexString(digest).ToLowerInvariant(),
            SignatureEncoding.UpperHex => Convert.ToHexString(digest),
            _ => Convert.ToBase64String(digest),
        };

        var notification = verifier.Verify(new SunbayWebhookHeaders(signature, Ms(TestData.Now), "delivery-1"), body);

        Assert.Equal("req-1", notification.Transaction.TransactionRequestId);
    }

    [Fact]
    public void The_signer_writes_lowercase_hex_of_the_raw_body()
    {
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(TestData.Body(), "delivery-1");
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestData.Secret), message.Body.Span)).ToLowerInvariant();

        Assert.Equal(expected, message.Headers.Signature);
        Assert.Equal(Ms(TestData.Now), message.Headers.Timestamp);
        Assert.Equal("delivery-1", message.Headers.ClientRequestId);
    }

    [Fact]
    public void Accepts_either_secret_during_a_rotation()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(TestData.Secret, TestData.OldSecret), _time);
        var body = TestData.Body();

        var byNew = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body);
        var byOld = new SunbayWebhookSigner(TestData.OldSecret, _time).Sign(body);

        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(byNew.Headers, byNew.Body.Span));
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(byOld.Headers, byOld.Body.Span));
    }

    [Fact]
    public void Accepts_timestamps_just_inside_the_tolerance_both_ways()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(TestData.Body());

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(message.Headers, message.Body.Span));
        var early = message.Headers with { Timestamp = Ms(_time.GetUtcNow() + TimeSpan.FromMinutes(5)) };
        // The body alone is signed (decision d), so a timestamp within the tolerance is accepted as sent.
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(early, message.Body.Span));
    }

    [Fact]
    public void Unknown_fields_are_accepted_and_the_notification_is_complete()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var body = TestData.Body().TrimEnd('}') + ""","newField":{"nested":[1,2,3]},"cardInfo":{"cardBrand":"VISA"},"test":true}""";
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body, "delivery-7");

        var notification = verifier.Verify(message.Headers, message.Body.Span);

        Assert.Equal("delivery-7", notification.ClientRequestId);
        Assert.Equal(TestData.Now, notification.Timestamp);
        Assert.Equal("7225836252468027", notification.Transaction.TransactionId);
        Assert.Equal(TransactionStatus.Success, notification.Transaction.Status);
        Assert.Equal(TransactionType.Sale, notification.Transaction.Type);
        Assert.Equal(1050, notification.Transaction.Amount?.Total);
        Assert.Equal("txn:7225836252468027:S", notification.DeduplicationKey);
    }

    [Fact]
    public void Long_status_names_and_string_amounts_parse()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var body = """{"transactionRequestId":"req-9","transactionStatus":"FAIL","amount":{"transAmount":"9734","priceCurrency":"USD"},"transactionResultCode":"051"}""";
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body);

        var transaction = verifier.Verify(message.Headers, message.Body.Span).Transaction;

        Assert.Equal(TransactionStatus.Fail, transaction.Status);
        Assert.Equal(9734, transaction.Amount?.Total);
    }

    [Fact]
    public void A_transaction_survives_serialisation_signing_and_verification()
    {
        var created = new DateTimeOffset(2026, 11, 23, 19, 59, 58, TimeSpan.FromHours(8));
        var original = SunbayModelFactory.Transaction(
            transactionId: "7225836252468027",
            transactionRequestId: "req-42",
            status: TransactionStatus.Closed,
            type: TransactionType.Refund,
            amount: SunbayModelFactory.TransactionAmounts(currency: "USD", total: 500, tip: 50),
            createdAt: created,
            completedAt: created.AddMilliseconds(1234),
            resultCode: "000");
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(original);

        var parsed = verifier.Verify(message.Headers, message.Body.Span).Transaction;

        Assert.Contains("\"transactionStatus\":\"C\"", message.BodyText, StringComparison.Ordinal);
        Assert.Contains("\"createTime\":\"2026-11-23T19:59:58+08:00\"", message.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("null", message.BodyText, StringComparison.Ordinal);
        Assert.Equal(original.TransactionRequestId, parsed.TransactionRequestId);
        Assert.Equal(original.Status, parsed.Status);
        Assert.Equal(original.Type, parsed.Type);
        Assert.Equal(500, parsed.Amount?.Total);
        Assert.Equal(50, parsed.Amount?.Tip);
        Assert.Equal(original.CreatedAt, parsed.CreatedAt);
        Assert.Equal(original.CompletedAt, parsed.CompletedAt);
    }

    [Fact]
    public void Numbers_in_string_fields_verify_and_parse_as_their_text()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var body = """{"transactionId":7225836252468027,"transactionRequestId":"req-n","transactionStatus":"S","transactionType":"SALE","batchNo":12,"stan":345,"voucherNo":678,"rrn":612345678901,"authCode":123456,"transactionResultCode":0,"terminalSn":1000001,"amount":{"priceCurrency":"USD","transAmount":1050}}""";
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body);

        var transaction = verifier.Verify(message.Headers, message.Body.Span).Transaction;

        Assert.Equal("7225836252468027", transaction.TransactionId);
        Assert.Equal("12", transaction.BatchNo);
        Assert.Equal("345", transaction.Stan);
        Assert.Equal("678", transaction.VoucherNo);
        Assert.Equal("612345678901", transaction.Rrn);
        Assert.Equal("123456", transaction.AuthCode);
        Assert.Equal("0", transaction.ResultCode);
        Assert.Equal("1000001", transaction.TerminalSn);
        Assert.Equal(1050, transaction.Amount?.Total);
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("1e400")]
    [InlineData("\"92233720368547758070\"")]
    [InlineData("79000000000000000000000000000.5")]
    public void An_amount_out_of_range_is_a_malformed_body_naming_the_field(string amount)
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var body = """{"transactionId":"7225836252468027","transactionRequestId":"req-big","transactionStatus":"S","amount":{"priceCurrency":"USD","transAmount":""" + amount + "}}";
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body);

        var error = Assert.Throws<SunbayWebhookException>(() => verifier.Verify(message.Headers, message.Body.Span));
        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, error.Reason);
        Assert.Contains("amount.transAmount", error.Message, StringComparison.Ordinal);

        Assert.False(verifier.TryVerify(message.Headers, message.Body.Span, out _, out var failure));
        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, failure);

        var parseError = Assert.Throws<SunbayWebhookException>(() => SunbayWebhookPayload.Parse(message.Body.Span));
        Assert.Contains("amount.transAmount", parseError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_body_is_verified_over_its_raw_bytes_and_its_data_is_the_transaction()
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var bare = TestData.Body("req-env", "S");
        var envelope = """{"code":"0","msg":"Success","traceId":"trace-1","data":""" + bare + "}";
        var signer = new SunbayWebhookSigner(TestData.Secret, _time);
        var message = signer.Sign(envelope, "delivery-env");

        var notification = verifier.Verify(message.Headers, message.Body.Span);

        Assert.Equal("req-env", notification.Transaction.TransactionRequestId);
        Assert.Equal("7225836252468027", notification.Transaction.TransactionId);
        Assert.Equal(TransactionStatus.Success, notification.Transaction.Status);
        Assert.Equal(1050, notification.Transaction.Amount?.Total);
        // The same event, bare or wrapped, is one notification.
        Assert.Equal(verifier.Verify(signer.Sign(bare).Headers, signer.Sign(bare).Body.Span).DeduplicationKey, notification.DeduplicationKey);
        Assert.Equal("req-env", SunbayWebhookPayload.Parse(message.Body.Span).TransactionRequestId);

        // The signature covers the envelope as received: the data alone, signed for the envelope, does not verify.
        Assert.Equal(SunbayWebhookFailureReason.BadSignature, verifier.VerifySignature(message.Headers, Encoding.UTF8.GetBytes(bare)));
    }

    [Theory]
    [InlineData("""{"code":"0","msg":"Success","traceId":"t","data":null}""")]
    [InlineData("""{"code":"C17","msg":"error","traceId":"t"}""")]
    [InlineData("""{"code":"0","data":{"transactionStatus":"S"}}""")]
    [InlineData("""{"code":"0","data":{"transactionId":"1"}""")]
    public void An_envelope_without_a_transaction_is_a_malformed_body(string body)
    {
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        var message = new SunbayWebhookSigner(TestData.Secret, _time).Sign(body);

        var error = Assert.Throws<SunbayWebhookException>(() => verifier.Verify(message.Headers, message.Body.Span));

        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, error.Reason);
    }

    [Fact]
    public void A_bare_transaction_with_a_data_field_of_its_own_is_not_unwrapped()
    {
        var body = """{"transactionId":"7225836252468027","transactionRequestId":"req-d","transactionStatus":"S","data":{"transactionId":"other","transactionRequestId":"other"}}""";

        Assert.Equal("req-d", SunbayWebhookPayload.Parse(Encoding.UTF8.GetBytes(body)).TransactionRequestId);
    }

    [Fact]
    public void The_deduplication_key_covers_what_the_signature_covers_not_the_headers()
    {
        var signer = new SunbayWebhookSigner(TestData.Secret, _time);
        using var verifier = new SunbayWebhookVerifier(TestData.Options(), _time);
        TransactionNotification Verify(string body, string deliveryId)
        {
            var message = signer.Sign(body, deliveryId);
            return verifier.Verify(message.Headers, message.Body.Span);
        }

        var first = Verify(TestData.Body("req-k", "S"), "delivery-1");
        _time.Advance(TimeSpan.FromMinutes(1));
        var replay = Verify(TestData.Body("req-k", "S"), "delivery-2");
        var closed = Verify(TestData.Body("req-k", "C"), "delivery-1");
        var refund = Verify(TestData.Body("req-k-refund", "S", transactionId: "7225836252468099"), "delivery-3");
        var refunded = Verify(TestData.Body("req-k", "S").TrimEnd('}') + ""","relatedTransactionStatus":"REFUNDED"}""", "delivery-4");
        var withoutId = Verify("""{"transactionRequestId":"req-k","transactionStatus":"SUCCESS"}""", "delivery-5");

        Assert.Equal("txn:7225836252468027:S", first.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, replay.DeduplicationKey);
        Assert.Equal("txn:7225836252468027:C", closed.DeduplicationKey);
        Assert.Equal("txn:7225836252468099:S", refund.DeduplicationKey);
        Assert.Equal("txn:7225836252468027:S:REFUNDED", refunded.DeduplicationKey);
        Assert.Equal("req:req-k:S", withoutId.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, TransactionNotification.DeduplicationKeyFor(first.Transaction));
    }

    [Fact]
    public void Invalid_options_are_refused_without_showing_a_secret()
    {
        var options = TestData.Options("whsec_with_newline\n");
        options.Tolerance = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentException>(() => new SunbayWebhookVerifier(options, _time));

        Assert.Contains("Secrets:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tolerance", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_with_newline", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec", options.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SunbayWebhookVerifier(new SunbayWebhookOptions(), _time));
    }

    private static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
