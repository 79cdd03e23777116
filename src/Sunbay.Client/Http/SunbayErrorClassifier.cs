using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sunbay.Client.Telemetry;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Http;

/// <summary>
/// Decides what a finished call means, from its <see cref="CallFacts"/> alone (no I/O, no state): success (null), a
/// business error (<see cref="SunbayApiException"/>), or anything that left no usable answer
/// (<see cref="SunbayTransportException"/>, outcome unknown when a POST may have been acted on). Everything it quotes
/// from the answer is masked with the key first: a server may echo the Authorization value, a message may hold a card number.
/// </summary>
internal static class SunbayErrorClassifier
{
    private const int ExcerptLength = 200;

    /// <summary>The exception to throw for <paramref name="facts"/>, or <see langword="null"/> when the call succeeded.</summary>
    public static Exception? Classify(in CallFacts facts) =>
        facts.Error is { } error ? FromError(facts, error)
        : facts.StatusCode == 200 ? FromAnswer(facts)
        : FromStatus(facts, facts.StatusCode ?? 0);

    private static Exception? FromAnswer(in CallFacts facts) =>
        facts.ReadError is { } readError
            ? Transport(facts, $"SUNBAY's answer to {facts.Operation} could not be read: {SunbayWireJson.DescribeReadError(readError) ?? Excerpt(facts)}", 200, facts.IsPost, readError)
        : string.IsNullOrEmpty(facts.Envelope?.Code)
            ? Transport(facts, $"SUNBAY's answer to {facts.Operation} is JSON but not a SUNBAY envelope (no 'code').", 200, facts.IsPost)
        : facts.IsApiError ? Api(facts, HttpStatusCode.OK)
        : null;

    private static Exception FromStatus(in CallFacts facts, int status)
    {
        var envelope = facts.Envelope;
        if (status is >= 500 and <= 599)
        {
            // A server error says nothing reliable about what happened: even with an envelope, a push may have been
            // dispatched before the failure. Only a query can tell.
            var said = envelope is null ? " and no SUNBAY envelope" : $" (code {envelope.Code}, \"{envelope.Msg}\", traceId {envelope.TraceId})";
            return Transport(facts, $"SUNBAY answered {facts.Operation} with HTTP {status}{said}: {Excerpt(facts)}", status, facts.IsPost);
        }

        if (status == 429)
        {
            // Rate limited: rejected before processing, so certainly not dispatched.
            return Transport(facts, $"SUNBAY rate-limited {facts.Operation} (HTTP 429); nothing was processed. Slow down and send again.", 429, outcomeUnknown: false);
        }

        return facts.IsApiError
            ? Api(facts, (HttpStatusCode)status)
            : Transport(facts, $"SUNBAY answered {facts.Operation} with HTTP {status} and no SUNBAY envelope: {Excerpt(facts)}", status, facts.IsPost);
    }

    private static Exception FromError(in CallFacts facts, Exception error)
    {
        var operation = facts.Operation;
        if (facts.Disposed && !facts.CallerCancelled && error is ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // Disposed under the call: the HTTP client's own exception would say nothing useful.
            return facts.IsPost
                ? Transport(facts, $"{operation} was interrupted: the SunbayClient was disposed while the request was on its way.", null, outcomeUnknown: true, error)
                : new SunbayClientDisposedException(operation, facts.TransactionRequestId, error);
        }

        return error switch
        {
            // Never followed, never retried. A push may have been acted on before it was redirected: only a query can tell.
            SunbayRedirectException redirect => Transport(facts, redirect.DescribeFor(operation, facts.IsPost), redirect.StatusCode, facts.IsPost, error),
            // Found while writing the headers: the request never left the process.
            SunbayApiKeyException => Transport(facts, $"{operation} was not sent: {error.Message}", null, outcomeUnknown: false, error),
            // Rejected before sending: the request certainly did not reach SUNBAY.
            BrokenCircuitException => Transport(facts, $"{operation} was not sent: too many recent failures opened the circuit breaker. Try again shortly.", null, outcomeUnknown: false, error),
            TimeoutRejectedException timeout => Transport(facts, $"{operation} timed out after {timeout.Timeout.TotalSeconds:F0} s.", null, facts.IsPost, error),
            HttpRequestException network => Transport(
                facts,
                $"{operation} failed on the network ({network.HttpRequestError}): {network.Message}",
                (int?)network.StatusCode,
                facts.IsPost && network.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError),
                error),
            // The caller gave up while the POST was on its way: it may have been charged. A query is simply cancelled.
            OperationCanceledException when facts.CallerCancelled => facts.IsPost
                ? Transport(facts, $"{operation} was cancelled by the caller after it was sent.", null, outcomeUnknown: true, error)
                : error,
            OperationCanceledException => Transport(facts, $"{operation} timed out.", null, facts.IsPost, error),
            _ => Transport(facts, $"{operation} failed: {error.GetType().Name}: {error.Message}", null, facts.IsPost, error),
        };
    }

    private static SunbayApiException Api(in CallFacts facts, HttpStatusCode status)
    {
        var envelope = facts.Envelope!;
        var (code, message, traceId) = (Mask(envelope.Code, facts)!, Mask(envelope.Msg, facts), Mask(envelope.TraceId, facts));

        // A parameter error about X-Timestamp is the one way SUNBAY reports a clock outside its ±10 minute window.
        return envelope.Code == "C17" && envelope.Msg?.Contains("timestamp", StringComparison.OrdinalIgnoreCase) == true
            ? new SunbayClockSkewException(code, message, traceId, status, facts.Operation, facts.ServerClockOffset)
            : new SunbayApiException(code, message, traceId, status, facts.Operation);
    }

    private static SunbayTransportException Transport(in CallFacts facts, string message, int? status, bool outcomeUnknown, Exception? inner = null) => new(
        Mask(outcomeUnknown ? $"{message} The outcome is unknown: query transactionRequestId '{facts.TransactionRequestId}' before anything else." : message, facts)!,
        facts.Operation,
        outcomeUnknown,
        facts.TransactionRequestId,
        status,
        inner);

    private static string Excerpt(in CallFacts facts) => SensitiveData.Excerpt(facts.Body, facts.ApiKey, ExcerptLength);

    private static string? Mask(string? text, in CallFacts facts) => SensitiveData.Mask(text, facts.ApiKey);
}
