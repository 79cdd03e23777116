using System.Net;
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

    private static readonly ProviderNames Names = new("SUNBAY", "SunbayClient", "SunbayClientOptions");

    /// <summary>The exception to throw for <paramref name="facts"/>, or <see langword="null"/> when the call succeeded.</summary>
    public static Exception? Classify(in CallFacts facts) =>
        facts.Error is { } error ? FromError(facts, error)
        : facts.StatusCode == 200 ? FromAnswer(facts)
        : FromStatus(facts, facts.StatusCode ?? 0);

    private static Exception? FromAnswer(in CallFacts facts) =>
        facts.ReadError is { } readError
            ? Transport(facts, $"SUNBAY's answer to {facts.Operation} could not be read: {SunbayWireJson.DescribeReadError(readError) ?? Excerpt(facts)}", 200, facts.IsPost, readError)
        : string.IsNullOrEmpty(Envelope(facts)?.Code)
            ? Transport(facts, $"SUNBAY's answer to {facts.Operation} is JSON but not a SUNBAY envelope (no 'code').", 200, facts.IsPost)
        : IsApiError(facts) ? Api(facts, HttpStatusCode.OK)
        : null;

    private static Exception FromStatus(in CallFacts facts, int status)
    {
        var envelope = Envelope(facts);
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

        return IsApiError(facts)
            ? Api(facts, (HttpStatusCode)status)
            : Transport(facts, $"SUNBAY answered {facts.Operation} with HTTP {status} and no SUNBAY envelope: {Excerpt(facts)}", status, facts.IsPost);
    }

    private static Exception FromError(in CallFacts facts, Exception error)
    {
        var failure = TransportFailure.Of(facts, error, Names);
        return failure.Kind switch
        {
            TransportFailureKind.ClientDisposed => new SunbayClientDisposedException(facts.Operation, facts.Subject.Reference, error),
            TransportFailureKind.Cancelled => error,
            _ => Transport(facts, failure.Message, failure.StatusCode, failure.OutcomeUnknown, error),
        };
    }

    private static SunbayApiException Api(in CallFacts facts, HttpStatusCode status)
    {
        var envelope = Envelope(facts)!;
        var (code, message, traceId) = (Mask(envelope.Code, facts)!, Mask(envelope.Msg, facts), Mask(envelope.TraceId, facts));

        // A parameter error about X-Timestamp is the one way SUNBAY reports a clock outside its ±10 minute window.
        return envelope.Code == "C17" && envelope.Msg?.Contains("timestamp", StringComparison.OrdinalIgnoreCase) == true
            ? new SunbayClockSkewException(code, message, traceId, status, facts.Operation, facts.ServerClockOffset)
            : new SunbayApiException(code, message, traceId, status, facts.Operation);
    }

    private static SunbayTransportException Transport(in CallFacts facts, string message, int? status, bool outcomeUnknown, Exception? inner = null) => new(
        Mask(outcomeUnknown ? $"{message} The outcome is unknown: query transactionRequestId '{facts.Subject.Reference}' before anything else." : message, facts)!,
        facts.Operation,
        outcomeUnknown,
        facts.Subject.Reference,
        status,
        inner);

    /// <summary>The answer read as SUNBAY's envelope: the answer itself on 200, the error body otherwise.</summary>
    private static ApiEnvelope? Envelope(in CallFacts facts) => facts.Answer as ApiEnvelope;

    /// <summary>A SUNBAY error code other than <c>0</c>.</summary>
    private static bool IsApiError(in CallFacts facts) => Envelope(facts) is { Code.Length: > 0 } envelope && envelope.Code != "0";

    private static string Excerpt(in CallFacts facts) => SensitiveData.Excerpt(facts.Body, facts.ApiKey, ExcerptLength);

    private static string? Mask(string? text, in CallFacts facts) => SensitiveData.Mask(text, facts.ApiKey);
}
