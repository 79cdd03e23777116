using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sunbay.Client.Http;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.Http;

/// <summary>
/// The error classifier as a pure function: every way a call can end, from plain facts, without HTTP. The fault-matrix
/// tests drive the same decisions through the real stack; these pin each rule on its own.
/// </summary>
public sealed class ErrorClassifierTests
{
    private const string Key = "sk_test_classifier_4f8e2a91";

    [Fact]
    public void Code_0_on_HTTP_200_is_a_success()
    {
        Assert.Null(SunbayErrorClassifier.Classify(Facts(200, Envelope("0"))));
    }

    [Fact]
    public void A_SUNBAY_code_is_an_api_error_with_code_message_and_trace_id()
    {
        var error = Assert.IsType<SunbayApiException>(SunbayErrorClassifier.Classify(Facts(200, Envelope("C05", "Terminal offline"))));

        Assert.Equal("C05", error.Code);
        Assert.Equal("Terminal offline", error.ApiMessage);
        Assert.Equal("tr-1", error.TraceId);
        Assert.Equal("sale", error.Operation);
    }

    [Fact]
    public void A_timestamp_parameter_error_is_clock_skew_with_the_measured_offset()
    {
        var facts = Facts(200, Envelope("C17", "X-Timestamp out of range")) with { ServerClockOffset = TimeSpan.FromMinutes(12) };

        var error = Assert.IsType<SunbayClockSkewException>(SunbayErrorClassifier.Classify(facts));

        Assert.Equal(TimeSpan.FromMinutes(12), error.MeasuredOffset);
    }

    [Fact]
    public void An_envelope_without_a_code_is_a_transport_error_and_a_push_stays_unknown()
    {
        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(200, new ApiEnvelope())));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("not a SUNBAY envelope", error.Message, StringComparison.Ordinal);
        Assert.Contains("query transactionRequestId 'REQ-1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_5xx_leaves_a_push_unknown_and_a_query_known(bool isPost, bool unknown)
    {
        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(503, null, "upstream down") with { IsPost = isPost }));

        Assert.Equal(unknown, error.OutcomeUnknown);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("HTTP 503 and no SUNBAY envelope: upstream down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_5xx_with_an_envelope_is_still_unknown_for_a_push()
    {
        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(500, Envelope("E01", "boom"))));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("(code E01, \"boom\", traceId tr-1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HTTP_429_was_not_processed()
    {
        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(429, null)));

        Assert.False(error.OutcomeUnknown);
        Assert.Equal(429, error.StatusCode);
    }

    [Fact]
    public void A_4xx_with_a_SUNBAY_code_is_an_api_error_with_that_status()
    {
        var error = Assert.IsType<SunbayApiException>(SunbayErrorClassifier.Classify(Facts(401, Envelope("A01", "bad key"))));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public void An_unreadable_200_names_the_field_and_quotes_no_value()
    {
        var readError = new JsonException("not an amount", "$.data.amount.transAmount", 0, 10);

        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(200, null, "{\"data\":{\"amount\":{\"transAmount\":\"4111111111111111\"}}}") with { ReadError = readError }));

        Assert.Contains("field 'data.amount.transAmount'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Exception, bool, bool> Failures() => new()
    {
        // error, isPost, expected OutcomeUnknown
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), true, false },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), true, false },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "cut"), true, true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "cut"), false, false },
        { new TimeoutRejectedException("t", TimeSpan.FromSeconds(60)), true, true },
        { new BrokenCircuitException("open"), true, false },
        { new ApiKeyException("Sunbay:ApiKey"), true, false },
        { new RedirectException(307, "https://elsewhere/", followed: false), true, true },
        { new OperationCanceledException("attempt timed out"), true, true },
        { new InvalidOperationException("a handler's bug"), true, true },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_without_an_answer_is_a_transport_error_unknown_only_when_a_push_may_have_been_sent(Exception failure, bool isPost, bool unknown)
    {
        var error = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(null, null) with { Error = failure, IsPost = isPost }));

        Assert.Equal(unknown, error.OutcomeUnknown);
        Assert.Same(failure, error.InnerException);
    }

    [Fact]
    public void A_caller_cancelling_a_push_leaves_it_unknown_and_cancelling_a_query_is_a_plain_cancellation()
    {
        var cancelled = new OperationCanceledException();

        var push = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(null, null) with { Error = cancelled, CallerCancelled = true }));
        var query = SunbayErrorClassifier.Classify(Facts(null, null) with { Error = cancelled, CallerCancelled = true, IsPost = false });

        Assert.True(push.OutcomeUnknown);
        Assert.Same(cancelled, query);
    }

    [Fact]
    public void Disposal_under_a_query_is_the_disposed_error_and_under_a_push_an_unknown_outcome()
    {
        var broken = new ObjectDisposedException("HttpClient");

        var query = SunbayErrorClassifier.Classify(Facts(null, null) with { Error = broken, Disposed = true, IsPost = false });
        var push = Assert.IsType<SunbayTransportException>(SunbayErrorClassifier.Classify(Facts(null, null) with { Error = broken, Disposed = true }));

        Assert.IsType<SunbayClientDisposedException>(query);
        Assert.True(push.OutcomeUnknown);
    }

    [Fact]
    public void The_key_is_masked_out_of_everything_quoted()
    {
        var error = SunbayErrorClassifier.Classify(Facts(502, null, $"proxy echoed Bearer {Key}"));
        var api = SunbayErrorClassifier.Classify(Facts(200, Envelope("A01", $"key {Key} unknown")));

        Assert.DoesNotContain(Key, error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, api!.Message, StringComparison.Ordinal);
    }

    private static ApiEnvelope Envelope(string code, string? message = "Success") => new() { Code = code, Msg = message, TraceId = "tr-1" };

    private static CallFacts Facts(int? status, ApiEnvelope? envelope, string? body = null) =>
        new("sale", IsPost: true, "REQ-1", status, envelope, body, ReadError: null, Error: null, CallerCancelled: false, Disposed: false, ServerClockOffset: null, Key);
}
