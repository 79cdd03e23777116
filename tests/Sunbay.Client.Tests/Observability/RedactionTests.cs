using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Observability;

/// <summary>
/// A server that echoes the <c>Authorization</c> value (with or without its scheme) and card numbers in what it answers:
/// neither the configured API key nor a full card number reaches an exception message, a <c>ToString()</c> or a log line.
/// The key here has no recognisable shape, so only the masking of the configured key can hide it.
/// </summary>
public sealed class RedactionTests
{
    private const string Key = "Zq7LmN0pXr2Ys4TuWv6";
    private const string CardNumber = "4111111111111111";
    private const string SpacedCardNumber = "4111 1111 1111 1111";

    public static TheoryData<string> Answers => new()
    {
        "envelope-bearer",
        "envelope-raw-key",
        "html-500",
        "json-500",
        "clock-skew",
        "long-body",
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_server_echoing_the_key_and_a_card_number_leaks_neither_into_errors_or_logs(string answer)
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var stub = new StubHandler().Always(request => Echo(answer, request.Headers.Authorization!.ToString()));
        using var client = new SunbayClient(TestClients.Options(o => o.ApiKey = Key), stub, TestClients.Clock(), factory);

        var push = await Assert.ThrowsAnyAsync<PaymentsException>(() => client.StartSaleAsync(TestClients.Sale()));
        var query = await Assert.ThrowsAnyAsync<PaymentsException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1")));

        Assert.Equal($"Bearer {Key}", stub.Calls[0].Headers["Authorization"]);
        var texts = new List<string> { push.Message, push.ToString(), query.Message, query.ToString() };
        texts.AddRange(new[] { push, query }.OfType<SunbayApiException>().SelectMany(e => new[] { e.ApiMessage ?? string.Empty, e.TraceId ?? string.Empty, e.Code }));
        texts.AddRange(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("SUNBAY sale", StringComparison.Ordinal));
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Key[..6], text, StringComparison.Ordinal);
            Assert.DoesNotContain(CardNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SpacedCardNumber, text, StringComparison.Ordinal);
        }

        // Masked, not dropped: the rest of the server's text is still there to diagnose with.
        Assert.Contains("***", push.Message, StringComparison.Ordinal);
        Assert.Contains("***", query.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_whose_result_message_holds_a_card_number_prints_it_masked()
    {
        var body = StubHandler.Query("req1", "F", resultCode: "05").Replace("\"transactionResultMsg\":\"Approved\"", $"\"transactionResultMsg\":\"Declined: card {CardNumber} blocked, Bearer {Key}\"", StringComparison.Ordinal);
        var stub = new StubHandler().ThenJson(body);
        using var client = TestClients.Create(stub);

        var transaction = await client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1"));

        var text = transaction.ToString();
        Assert.Contains("411111******1111", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("7225836252468027", text, StringComparison.Ordinal);
        Assert.Contains(CardNumber, transaction.ResultMessage, StringComparison.Ordinal); // the data itself is as received
    }

    [Fact]
    public void A_transaction_built_by_hand_prints_secrets_masked_too()
    {
        var transaction = SunbayModelFactory.Transaction(
            transactionRequestId: "req1",
            status: TransactionStatus.Fail,
            resultCode: "05",
            resultMessage: $"card {SpacedCardNumber} key sk_live_abc123def456");

        var text = transaction.ToString();

        Assert.Contains("4111 11** **** 1111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123def456", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sdk_exception_masks_card_numbers_and_credentials_whoever_raises_it()
    {
        var error = new SunbayTransportException($"echo Bearer sk_test_abc123 and {CardNumber}", "sale", outcomeUnknown: true, "req1", 500);

        Assert.Equal("echo Bearer *** and 411111******1111", error.Message);
    }

    private static HttpResponseMessage Echo(string answer, string authorization) => answer switch
    {
        "envelope-bearer" => StubHandler.Json(Envelope("E01", $"Invalid Authorization '{authorization}' for card {CardNumber}"), HttpStatusCode.Unauthorized),
        "envelope-raw-key" => StubHandler.Json(Envelope("E01", $"Unknown API key {Key} (card {SpacedCardNumber})", traceId: $"trace-{Key}")),
        "html-500" => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent($"<html><body>Authorization: {authorization}<br>key={Key}<br>pan {SpacedCardNumber}</body></html>", Encoding.UTF8, "text/html"),
        },
        "json-500" => StubHandler.Json($$"""{"error":"upstream","headers":{"authorization":"{{authorization}}"},"pan":"{{CardNumber}}"}""", HttpStatusCode.InternalServerError),
        "clock-skew" => StubHandler.Json(Envelope("C17", $"X-Timestamp expired for {authorization}, card {CardNumber}"), HttpStatusCode.BadRequest),
        "long-body" => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            // The key straddles the 200-character excerpt: masking after the cut would leave its start visible.
            Content = new StringContent(new string('x', 195) + Key + " " + CardNumber, Encoding.UTF8, "text/plain"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    private static string Envelope(string code, string msg, string? traceId = null) =>
        $$"""{"code":"{{code}}","msg":"{{msg}}","traceId":"{{traceId ?? "trace-1"}}","data":null}""";
}
