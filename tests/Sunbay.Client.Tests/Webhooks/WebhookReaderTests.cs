using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Transactions;
using Sunbay.Client.Webhooks;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.Webhooks;

/// <summary>
/// The webhook's one-pass reader reads what the serializer with the wire's options and the mapping to the public type
/// read (every field, the lenient readings, escaped names, repeated fields, known values, other spellings and SUNBAY's
/// time form taken from the bytes); an envelope counts by its data only; a rejected delivery allocates nothing; the
/// per-thread HMACs follow a secret rotation and stay correct under concurrent use.
/// </summary>
public sealed class WebhookReaderTests
{
    private const string Secret = "whsec_reader_tests_5b1f0e";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Bodies => new()
    {
        // Every field of the wire's transaction, each with a distinct value: a field the reader misses fails the comparison.
        EveryField(),
        """{"transactionId":7225836252468027,"transactionRequestId":"r","batchNo":12,"stan":true,"rrn":false,"amount":{"transAmount":"9734","orderAmount":10.5,"taxAmount":null,"priceCurrency":840}}""",
        """{"transactionId":"1","attach":{"table":4,"waiter":["Ann"]},"description":[1,2],"transactionResultMsg":{"a":null}}""",
        """{"transaction\u0049d":"escaped","transactionRequestId":"r","\u0061mount":{"trans\u0041mount":5}}""",
        """{"transactionId":"first","transactionId":"second","amount":{"transAmount":1},"amount":{"tipAmount":2}}""",
        """{"TransactionId":"case matters","transactionRequestId":"r","unknown":{"transactionId":"nested"},"list":[{"x":1}],"n":null}""",
        """{"transactionId":null,"transactionRequestId":"r","amount":null,"createTime":"2026-01-01T10:00:00+08:00"}""",
        """  {"transactionId":"whitespace around"}  """,

        // Known values are taken from their bytes; every other spelling goes through the string and the public type.
        """{"transactionId":"1","transactionStatus":"s","transactionType":"sale","entryMode":" CONTACTLESS ","authenticationMethod":"pin","relatedTransactionStatus":"Refunded","transactionBatchStatus":"u"}""",
        """{"transactionId":"1","transactionStatus":"SUCCESS","transactionType":"NEW_KIND","entryMode":"","authenticationMethod":"   ","relatedTransactionStatus":null,"transactionBatchStatus":"X"}""",
        """{"transactionId":"1","transactionStatus":"","transactionType":"","entryMode":"SALE","authenticationMethod":"S","relatedTransactionStatus":"N","transactionBatchStatus":"SS"}""",
        """{"transactionId":"1","transactionStatus":" S","transactionType":"SALE ","entryMode":"CONTACTLESSX","authenticationMethod":"PI","relatedTransactionStatus":"VOID","transactionBatchStatus":""}""",
        """{"transactionId":"1","transactionStatus":"\u0053","transactionType":"S\u0041LE","entryMode":"CONTACT\u004CESS","authenticationMethod":"\u0050IN","relatedTransactionStatus":"VOIDE\u0044","transactionBatchStatus":"\u004E"}""",
        """{"transactionId":"1","transactionStatus":1,"transactionType":true,"entryMode":false,"authenticationMethod":0,"relatedTransactionStatus":1e3,"transactionBatchStatus":-1,"createTime":20260101}""",
        """{"transactionId":"1","transactionStatus":null,"transactionType":null,"entryMode":null,"authenticationMethod":null,"relatedTransactionStatus":null,"transactionBatchStatus":null,"createTime":null,"completeTime":null}""",
        """{"transactionId":"1","transactionStatus":"S","transactionStatus":"f","transactionType":"SALE","transactionType":null,"entryMode":null,"entryMode":"SWIPE","createTime":"2026-01-01T10:00:00+08:00","createTime":null,"completeTime":"x","completeTime":"2026-01-01T10:00:07-03:30"}""",

        // Times: SUNBAY's form from the bytes, anything else through the general parser.
        """{"transactionId":"1","createTime":"2026-01-01T10:00:00Z","completeTime":"2026-01-01T10:00:00.123+08:00"}""",
        """{"transactionId":"1","createTime":"2026-02-29T10:00:00+08:00","completeTime":"0001-01-01T00:00:00+01:00"}""",
        """{"transactionId":"1","createTime":"2026-01-01T10:00:00\u002B08:00","completeTime":"2026-01-01 10:00:00+08:00"}""",

        // Amounts: a repeated amount replaces the whole object; null is none, an empty object is an amount.
        """{"transactionId":"1","amount":{"transAmount":1,"tipAmount":2},"amount":null}""",
        """{"transactionId":"1","amount":null,"amount":{}}""",
        """{"transactionId":"1","amount":{"transAmount":-5,"orderAmount":"-7","tipAmount":1.005,"taxAmount":9223372036854775807,"cashbackAmount":"12.5","surchargeAmount":0,"priceCurrency":null}}""",

        // Strings: in an ASCII body an unescaped value is widened; an escaped value, or any value of a body that is not
        // all ASCII, is read by the reader.
        """{"transactionId":"1","description":"tab\there \"quoted\"","attach":"\u00e9\/","maskedPan":"411111\u002A\u002A1111","amount":{"priceCurrency":"U\u0053D"}}""",
        """{"transactionId":"1","description":"Café ☕","attach":"日本","terminalSn":"P2","referenceOrderId":"a\u0041\n","amount":{"priceCurrency":"USD"}}""",
        """{"transactionId":"é","transactionStatus":"S","createTime":"2026-01-01T10:00:00+08:00","amount":{"priceCurrency":"€"}}""",
        """{"transactionId":"1","description":"","attach":" ","amount":{"priceCurrency":""}}""",

        // A field no public property keeps: read for its checks only.
        """{"transactionId":"1","originalTransactionRequestId":"o","referenceOrderId":"r"}""",
        """{"transactionId":"1","originalTransactionRequestId":12,"referenceOrderId":"r"}""",
    };

    /// <summary>A body per round of known values: each field cycles through every value its public type knows.</summary>
    public static TheoryData<string> KnownValueBodies()
    {
        string[][] known =
        [
            ["I", "P", "S", "F", "C"],
            ["SALE", "AUTH", "FORCED_AUTH", "INCREMENTAL", "POST_AUTH", "REFUND", "VOID"],
            ["CONTACTLESS", "CONTACT", "SWIPE", "FALLBACK_SWIPE", "MANUAL"],
            ["PIN", "OFFLINE_PIN", "SIGNATURE", "BY_PASS", "NOT_AUTHENTICATED"],
            ["PART_REFUNDED", "REFUNDED", "VOIDED", "CAPTURE", "INCREMENTAL"],
            ["N", "U", "C"],
        ];
        string[] names = ["transactionStatus", "transactionType", "entryMode", "authenticationMethod", "relatedTransactionStatus", "transactionBatchStatus"];
        var bodies = new TheoryData<string>();
        for (var round = 0; round < known.Max(values => values.Length); round++)
        {
            bodies.Add("{\"transactionId\":\"1\"," + string.Join(",", names.Select((name, i) => $"\"{name}\":\"{known[i][round % known[i].Length]}\"")) + "}");
        }

        return bodies;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    [MemberData(nameof(KnownValueBodies))]
    public void The_reader_reads_what_the_wire_serializer_and_the_mapping_read(string body)
    {
        var json = Encoding.UTF8.GetBytes(body);

        var expected = TransactionMapper.FromWire(JsonSerializer.Deserialize<TransactionDetail>(json, SunbayWireJson.Options)!);
        var actual = SunbayWebhookReader.Read(json)!;

        AssertSame(expected, actual);
    }

    [Fact]
    public void Every_field_body_names_every_field_of_the_wire_transaction_and_fills_every_property()
    {
        var json = Encoding.UTF8.GetBytes(EveryField());
        var detail = JsonSerializer.Deserialize<TransactionDetail>(json, SunbayWireJson.Options)!;
        var transaction = SunbayWebhookReader.Read(json)!;

        foreach (var property in typeof(TransactionDetail).GetProperties().Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null))
        {
            Assert.NotNull(property.GetValue(detail));
        }

        foreach (var property in typeof(TransactionAmount).GetProperties().Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null))
        {
            Assert.NotNull(property.GetValue(detail.Amount));
        }

        // Every property the mapping fills is filled by the reader too, so the comparison above is never null against null.
        foreach (var property in Mapped(typeof(Transaction)).Concat(Mapped(typeof(TransactionAmounts))))
        {
            var value = property.GetValue(property.DeclaringType == typeof(Transaction) ? transaction : transaction.Amount);
            Assert.True(value is not null && !value.Equals(property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null), $"{property.Name} is not read");
        }
    }

    [Theory]
    [InlineData("""{"transactionId":"1"} {"transactionId":"2"}""")]
    [InlineData("""{"transactionId":"1"}x""")]
    [InlineData("""{"transactionId":"1",}""")]
    [InlineData("")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"transactionId":"1","amount":"1050"}""")]
    [InlineData("""{"transactionId":"1","amount":{"transAmount":true}}""")]
    [InlineData("""{"transaction\u0049d":{"id":"1"},"transactionStatus":"S"}""")]
    [InlineData("""{"transactionRequestId":"r","transactionStatus":"S","terminalSn":["P2"]}""")]
    [InlineData("""{"transactionId":"1","originalTransactionRequestId":{"id":"o"}}""")]
    [InlineData("""{"transactionId":"1","originalTransactionRequestId":["o"]}""")]
    [InlineData("""{"transactionId":"1","transactionStatus":["S"]}""")]
    [InlineData("""{"transactionId":"1","transactionType":{"t":"SALE"}}""")]
    [InlineData("""{"transactionId":"1","createTime":["2026-01-01T10:00:00+08:00"]}""")]
    [InlineData("""{"transactionId":"1","completeTime":{}}""")]
    [InlineData("""{"transactionId":"1","entryMode":[]}""")]
    [InlineData("""{"transactionId":"1","authenticationMethod":{}}""")]
    [InlineData("""{"transactionId":"1","relatedTransactionStatus":[]}""")]
    [InlineData("""{"transactionId":"1","transactionBatchStatus":{}}""")]
    [InlineData("""{"transactionStatus":"S","transactionId":"1",""")]
    [InlineData("""{"transactionId":"1","createTime":"2026-01-01T10:00:00+08:00"}}""")]
    public void A_body_the_reader_cannot_take_is_a_malformed_body(string body)
    {
        var (verifier, headers, bytes) = Signed(body);
        using (verifier)
        {
            Assert.False(verifier.TryVerify(headers, bytes, out var notification, out var failure));
            Assert.Null(notification);
            Assert.Equal(SunbayWebhookFailureReason.MalformedBody, failure);
            Assert.Equal(SunbayWebhookFailureReason.MalformedBody, Assert.Throws<SunbayWebhookException>(() => verifier.Verify(headers, bytes)).Reason);
        }
    }

    [Theory]
    [InlineData("transactionId")]
    [InlineData("description")]
    [InlineData("attach")]
    [InlineData("transactionStatus")]
    [InlineData("createTime")]
    public void A_signed_body_with_invalid_utf8_in_a_string_is_a_malformed_body_not_an_other_exception(string field)
    {
        // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
        var bytes = Encoding.UTF8.GetBytes($$"""{"transactionRequestId":"r1","{{field}}":"ab__cd"}""");
        var at = bytes.AsSpan().IndexOf("__"u8);
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        var (verifier, headers, body) = Signed(bytes);
        using (verifier)
        {
            Assert.False(verifier.TryVerify(headers, body, out var notification, out var failure));
            Assert.Null(notification);
            Assert.Equal(SunbayWebhookFailureReason.MalformedBody, failure);
            Assert.Equal(SunbayWebhookFailureReason.MalformedBody, Assert.Throws<SunbayWebhookException>(() => verifier.Verify(headers, body)).Reason);
        }

        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, Assert.Throws<SunbayWebhookException>(() => SunbayWebhookPayload.Parse(bytes)).Reason);
    }

    [Fact]
    public void An_amount_of_the_wrong_kind_is_named_in_the_message()
    {
        var error = Assert.Throws<SunbayWebhookException>(() => SunbayWebhookPayload.Parse("""{"transactionId":"1","amount":{"tipAmount":{}}}"""u8));

        Assert.Contains("amount.tipAmount", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"transactionId":"1","originalTransactionRequestId":{"id":"o"}}""", "'originalTransactionRequestId'")]
    [InlineData("""{"transactionId":"1","createTime":[1]}""", "'createTime'")]
    [InlineData("""{"transactionId":"1","transactionBatchStatus":{}}""", "'transactionBatchStatus'")]
    public void A_field_of_the_wrong_kind_is_named_in_the_message(string body, string field)
    {
        var error = Assert.Throws<SunbayWebhookException>(() => SunbayWebhookPayload.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(SunbayWebhookFailureReason.MalformedBody, error.Reason);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"code":"0","transactionStatus":{"not":"read"},"amount":"nor this","data":{"transactionId":"7225836252468027","transactionStatus":"S","amount":{"transAmount":1050}}}""")]
    [InlineData("""{"code":"0","data":{"transactionId":"7225836252468027","transactionStatus":"S","amount":{"transAmount":1050}},"transactionType":[1]}""")]
    public void In_an_envelope_only_the_data_counts(string body)
    {
        var transaction = SunbayWebhookPayload.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal("7225836252468027", transaction.TransactionId);
        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.Equal(1050, transaction.Amount?.Total);
    }

    [Fact]
    public void A_bare_transaction_with_a_field_of_the_wrong_kind_before_its_id_is_refused()
    {
        var error = Assert.Throws<SunbayWebhookException>(() => SunbayWebhookPayload.Parse(
            """{"transactionStatus":{"code":"S"},"data":{"transactionId":"other"},"transactionId":"7225836252468027"}"""u8));

        Assert.Contains("'transactionStatus'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Times => new()
    {
        "2026-01-01T10:00:00+08:00", "2026-11-23T19:59:58-05:30", "2024-02-29T23:59:59+00:00", "2026-12-31T00:00:00-13:59",
        "2026-02-29T10:00:00+08:00", "2026-13-01T10:00:00+08:00", "2026-01-01T24:00:00+08:00", "2026-01-01T10:60:00+08:00",
        "2026-01-01T10:00:60+08:00", "2026-01-01T10:00:00+14:00", "2026-01-01T10:00:00+15:00", "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00.123+08:00", "2026-01-01 10:00:00+08:00",
        "2026-01-0xT10:00:00+08:00", "2026-01-01T10:00:00+08-00", "2026-01-01", "", "not a time",
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Sunbay_times_read_as_the_general_parser_reads_them(string text)
    {
        DateTimeOffset? general = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

        var actual = TransactionMapper.ParseTime(text);

        Assert.Equal(general, actual);
        Assert.Equal(general?.Offset, actual?.Offset);
    }

    [Theory]
    [MemberData(nameof(Times))]
    public void Sunbay_times_in_a_body_read_as_the_general_parser_reads_them(string text)
    {
        DateTimeOffset? general = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

        var transaction = SunbayWebhookPayload.Parse(Encoding.UTF8.GetBytes($$"""{"transactionId":"1","createTime":"{{text}}","completeTime":"{{text}}"}"""));

        Assert.Equal(general, transaction.CreatedAt);
        Assert.Equal(general?.Offset, transaction.CreatedAt?.Offset);
        Assert.Equal(general, transaction.CompletedAt);
        Assert.Equal(general?.Offset, transaction.CompletedAt?.Offset);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 63)]
    public void A_hex_signature_reads_in_either_case_and_one_bad_digit_anywhere_is_a_bad_signature(bool upper, int spoilAt)
    {
        var (verifier, headers, body) = Signed("""{"transactionId":"7225836252468027","transactionStatus":"S"}""");
        using var disposeVerifier = verifier;
        var hex = upper ? headers.Signature!.ToUpperInvariant() : headers.Signature!;
        var mixed = string.Concat(hex.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));

        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(headers with { Signature = hex }, body));
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(headers with { Signature = mixed }, body));
        Assert.Equal(SunbayWebhookFailureReason.BadSignature, verifier.VerifySignature(headers with { Signature = hex[..spoilAt] + "g" + hex[(spoilAt + 1)..] }, body));
        Assert.Equal(SunbayWebhookFailureReason.BadSignature, verifier.VerifySignature(headers with { Signature = hex[..spoilAt] + "\u0660" + hex[(spoilAt + 1)..] }, body));
    }

    public enum Rejection
    {
        BadSignature,
        StaleTimestamp,
        FutureTimestamp,
        Oversize,
        MalformedTimestamp,
        MissingSignature,
        MissingTimestamp,
        MissingClientRequestId,
        SignatureNotHexOrBase64,
        WrongSecretBase64,
    }

    [Theory]
    [InlineData(Rejection.BadSignature, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(Rejection.StaleTimestamp, SunbayWebhookFailureReason.TimestampOutOfRange)]
    [InlineData(Rejection.FutureTimestamp, SunbayWebhookFailureReason.TimestampOutOfRange)]
    [InlineData(Rejection.Oversize, SunbayWebhookFailureReason.TooLarge)]
    [InlineData(Rejection.MalformedTimestamp, SunbayWebhookFailureReason.MalformedHeader)]
    [InlineData(Rejection.MissingSignature, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(Rejection.MissingTimestamp, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(Rejection.MissingClientRequestId, SunbayWebhookFailureReason.MissingHeader)]
    [InlineData(Rejection.SignatureNotHexOrBase64, SunbayWebhookFailureReason.BadSignature)]
    [InlineData(Rejection.WrongSecretBase64, SunbayWebhookFailureReason.BadSignature)]
    public void A_rejected_delivery_allocates_nothing(Rejection rejection, SunbayWebhookFailureReason expected)
    {
        var (verifier, headers, body) = Signed("""{"transactionId":"7225836252468027","transactionStatus":"S","attach":"x"}""");
        using var disposeVerifier = verifier;
        var signature = headers.Signature!;
        (headers, body) = rejection switch
        {
            Rejection.BadSignature => (headers with { Signature = signature[..^1] + (signature[^1] == '0' ? '1' : '0') }, body),
            Rejection.StaleTimestamp => (headers with { Timestamp = Ms(Now - TimeSpan.FromMinutes(6)) }, body),
            Rejection.FutureTimestamp => (headers with { Timestamp = Ms(Now + TimeSpan.FromMinutes(6)) }, body),
            Rejection.Oversize => (headers, new byte[verifier.MaxBodyBytes + 1]),
            Rejection.MalformedTimestamp => (headers with { Timestamp = "17640000000x0" }, body),
            Rejection.MissingSignature => (headers with { Signature = null }, body),
            Rejection.MissingTimestamp => (headers with { Timestamp = " " }, body),
            Rejection.MissingClientRequestId => (headers with { ClientRequestId = "" }, body),
            Rejection.SignatureNotHexOrBase64 => (headers with { Signature = new string('g', 64) }, body),
            _ => (headers with { Signature = Convert.ToBase64String(HMACSHA256.HashData("whsec_other"u8, body)) }, body),
        };

        for (var i = 0; i < 50; i++)
        {
            Assert.False(verifier.TryVerify(headers, body, out _, out _)); // warm-up: this thread's HMAC, JIT tiers
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rejected = !verifier.TryVerify(headers, body, out var notification, out var failure);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(rejected);
        Assert.Null(notification);
        Assert.Equal(expected, failure);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_rotated_secret_applies_to_the_next_delivery_on_the_same_thread()
    {
        var monitor = new Monitor(Options("whsec_first_secret_0001"));
        var time = new FakeTimeProvider(Now);
        using var verifier = new SunbayWebhookVerifier(monitor, time);
        var body = """{"transactionId":"7225836252468027","transactionStatus":"S"}"""u8.ToArray();
        var byFirst = Headers("whsec_first_secret_0001", body);
        var bySecond = Headers("whsec_second_secret_002", body);
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(byFirst, body));
        Assert.Equal(SunbayWebhookFailureReason.BadSignature, verifier.VerifySignature(bySecond, body));

        monitor.Change(Options("whsec_second_secret_002"));

        Assert.Equal(SunbayWebhookFailureReason.BadSignature, verifier.VerifySignature(byFirst, body));
        Assert.Equal(SunbayWebhookFailureReason.None, verifier.VerifySignature(bySecond, body));
    }

    [Fact]
    public async Task Concurrent_deliveries_on_many_threads_each_get_their_own_answer()
    {
        var options = Options("whsec_old_secret_000001");
        options.Secrets.Add(Secret);
        using var verifier = new SunbayWebhookVerifier(options, new FakeTimeProvider(Now));
        var deliveries = Enumerable.Range(0, 64).Select(i =>
        {
            var body = Encoding.UTF8.GetBytes($$"""{"transactionId":"{{i}}","transactionStatus":"S","attach":"{{new string('x', i * 31)}}"}""");
            var secret = (i % 3) switch { 0 => Secret, 1 => "whsec_old_secret_000001", _ => "whsec_never_configured" };
            return (Id: i.ToString(CultureInfo.InvariantCulture), Body: body, Headers: Headers(secret, body), Valid: i % 3 != 2);
        }).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var wrong = 0;
            for (var round = 0; round < 200; round++)
            {
                var delivery = deliveries[((round * 7) + (worker * 13)) % deliveries.Length];
                var valid = verifier.TryVerify(delivery.Headers, delivery.Body, out var notification, out _);
                wrong += valid == delivery.Valid && (!valid || notification!.Transaction.TransactionId == delivery.Id) ? 0 : 1;
            }

            return wrong;
        })));

        Assert.All(answers, wrong => Assert.Equal(0, wrong));
    }

    private static string EveryField()
    {
        var fields = typeof(TransactionDetail).GetProperties()
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null && p.Name != "amount")
            .Select(p => p.Name switch
            {
                // Times that read as times, so that the public properties are filled too.
                "createTime" => "\"createTime\":\"2026-01-01T10:00:00+08:00\"",
                "completeTime" => "\"completeTime\":\"2026-01-01T10:00:07-05:30\"",
                _ => $"\"{p.Name}\":\"value of {p.Name}\"",
            });
        var amounts = typeof(TransactionAmount).GetProperties()
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .Where(name => name is not null)
            .Select((name, i) => name == "priceCurrency" ? "\"priceCurrency\":\"USD\"" : $"\"{name}\":{100 + i}");
        return "{" + string.Join(",", fields) + ",\"amount\":{" + string.Join(",", amounts) + "}}";
    }

    /// <summary>The properties the mapping fills (those with a setter), not those computed from them.</summary>
    private static IEnumerable<PropertyInfo> Mapped(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null);

    /// <summary>Every property equal, a time to its offset, an amount field by field.</summary>
    private static void AssertSame(Transaction expected, Transaction actual)
    {
        foreach (var property in Mapped(typeof(Transaction)))
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            if (e is TransactionAmounts expectedAmount && a is TransactionAmounts actualAmount)
            {
                foreach (var part in Mapped(typeof(TransactionAmounts)))
                {
                    Assert.True(Equals(part.GetValue(expectedAmount), part.GetValue(actualAmount)), $"Amount.{part.Name}: {part.GetValue(expectedAmount)} expected, {part.GetValue(actualAmount)} read");
                }

                continue;
            }

            var (shownExpected, shownActual) = (Show(e), Show(a));
            Assert.True(Equals(e, a) && shownExpected == shownActual, $"{property.Name}: {shownExpected} expected, {shownActual} read");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        string text => $"\"{text}\"",
        _ => $"{value.GetType().Name} {value.GetType().GetProperty("Value")?.GetValue(value) ?? value}",
    };

    private static (SunbayWebhookVerifier Verifier, SunbayWebhookHeaders Headers, byte[] Body) Signed(string body) => Signed(Encoding.UTF8.GetBytes(body));

    private static (SunbayWebhookVerifier Verifier, SunbayWebhookHeaders Headers, byte[] Body) Signed(byte[] bytes)
    {
        var options = Options(Secret);
        options.MaxBodyBytes = 4096;
        return (new SunbayWebhookVerifier(options, new FakeTimeProvider(Now)), Headers(Secret, bytes), bytes);
    }

    private static SunbayWebhookHeaders Headers(string secret, byte[] body) =>
        new(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)), Ms(Now), "delivery-1");

    private static SunbayWebhookOptions Options(string secret)
    {
        var options = new SunbayWebhookOptions();
        options.Secrets.Add(secret);
        return options;
    }

    private static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private sealed class Monitor(SunbayWebhookOptions current) : IOptionsMonitor<SunbayWebhookOptions>
    {
        private Action<SunbayWebhookOptions, string?>? _listener;

        public SunbayWebhookOptions CurrentValue { get; private set; } = current;

        public SunbayWebhookOptions Get(string? name) => CurrentValue;

        public IDisposable OnChange(Action<SunbayWebhookOptions, string?> listener)
        {
            _listener = listener;
            return new Unsubscribe(this);
        }

        public void Change(SunbayWebhookOptions options)
        {
            CurrentValue = options;
            _listener?.Invoke(options, Microsoft.Extensions.Options.Options.DefaultName);
        }

        private sealed class Unsubscribe(Monitor owner) : IDisposable
        {
            public void Dispose() => owner._listener = null;
        }
    }
}
