using System.Globalization;
using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Http;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client.CmCom.Http;

/// <summary>
/// Decides what a finished CM.com call means, from its <see cref="CallFacts"/> alone (no I/O, no state): success (null),
/// a refusal (<see cref="CmComApiException"/>, <see cref="CmComAuthenticationException"/> for 401/403), or anything that
/// left no usable answer (<see cref="CmComTransportException"/>, outcome unknown when a POST or DELETE may have been acted
/// on). Everything it quotes from an answer is masked with the configured key and the one a rotation switched to.
/// </summary>
internal static class CmComErrorClassifier
{
    private const int ExcerptLength = 200;

    private static readonly ProviderNames Names = new("CM.com", "CmComClient", "CmComClientOptions");

    /// <summary>The exception to throw for <paramref name="facts"/>, or <see langword="null"/> when the call succeeded.</summary>
    /// <param name="facts">How the call ended.</param>
    /// <param name="switchedKey">The key a rotation switched to, masked like the configured one.</param>
    public static Exception? Classify(in CallFacts facts, string? switchedKey) =>
        facts.Error is { } error ? FromError(facts, error, switchedKey)
        : facts.StatusCode is >= 200 and <= 299 ? FromAnswer(facts, switchedKey)
        : FromStatus(facts, facts.StatusCode ?? 0, switchedKey);

    private static CmComTransportException? FromAnswer(in CallFacts facts, string? switchedKey) =>
        facts.ReadError is { } readError
            ? Transport(facts, $"CM.com's answer to {facts.Operation} (HTTP {facts.StatusCode}) could not be read: {readError.Message}", facts.StatusCode, facts.IsPost, switchedKey, readError)
            : null;

    private static Exception FromStatus(in CallFacts facts, int status, string? switchedKey)
    {
        var problem = facts.Answer as Problem;
        var meaning = FailedStatusRule.Of(status, explained: problem is not null);
        if (meaning == FailedStatus.Unknown)
        {
            // A server error says nothing reliable about what happened: a transaction may have been created first.
            var said = problem is null ? string.Empty : $" ({problem.Title}: \"{problem.Detail}\")";
            return Transport(facts, $"CM.com answered {facts.Operation} with HTTP {status}{said}: {Excerpt(facts, switchedKey)}", status, facts.IsPost, switchedKey);
        }

        if (meaning == FailedStatus.NotProcessed)
        {
            // Refused before it was processed: certainly not acted on.
            return Transport(facts, $"CM.com answered {facts.Operation} with HTTP {status}; nothing was processed. Send it again later.", status, outcomeUnknown: false, switchedKey);
        }

        var title = Mask(problem?.Title, facts, switchedKey) ?? ReasonOf(status);
        var detail = Mask(problem?.Detail, facts, switchedKey) ?? (problem is null ? Excerpt(facts, switchedKey) : null);
        var instance = Mask(problem?.Instance, facts, switchedKey);
        var type = Mask(problem?.Type, facts, switchedKey);
        return status is 401 or 403
            ? new CmComAuthenticationException(status, title, detail, instance, type, facts.Operation)
            : new CmComApiException(status, title, detail, instance, type, facts.Operation);
    }

    private static Exception FromError(in CallFacts facts, Exception error, string? switchedKey)
    {
        var failure = TransportFailure.Of(facts, error, Names);
        return failure.Kind switch
        {
            TransportFailureKind.ClientDisposed => new CmComClientDisposedException(facts.Operation, facts.Subject.TerminalId, facts.Subject.TransactionId, error),
            TransportFailureKind.Cancelled => error,
            _ => Transport(facts, failure.Message, failure.StatusCode, failure.OutcomeUnknown, switchedKey, error),
        };
    }

    private static CmComTransportException Transport(in CallFacts facts, string message, int? status, bool outcomeUnknown, string? switchedKey, Exception? inner = null)
    {
        var subject = facts.Subject;
        return new(
            Mask(outcomeUnknown ? $"{message} {Reconcile(facts.Operation, subject)}" : message, facts, switchedKey)!,
            facts.Operation,
            outcomeUnknown,
            subject.TerminalId,
            subject.Reference,
            subject.TransactionId,
            status,
            inner);
    }

    /// <summary>What to read before anything else, as CM.com's guide says after a request without an answer.</summary>
    private static string Reconcile(string operation, in CallSubject subject) =>
        subject.Reference is { } reference
            ? $"The outcome is unknown: find the transaction by merchant_order_reference '{reference}' on terminal '{subject.TerminalId}' (FindTransactionByReferenceAsync, or StartOrResumePurchaseAsync / StartOrResumeRefundAsync, which send only when it is absent) before anything else."
        : subject.TransactionId is { } id
            ? $"The outcome is unknown: read transaction '{id}' on terminal '{subject.TerminalId}' to learn whether {operation} took effect."
        : $"The outcome is unknown: read the current state (e.g. ListApiKeysAsync) to learn whether {operation} took effect.";

    private static string ReasonOf(int status) =>
        Enum.IsDefined((System.Net.HttpStatusCode)status) ? ((System.Net.HttpStatusCode)status).ToString() : status.ToString(CultureInfo.InvariantCulture);

    private static string Excerpt(in CallFacts facts, string? switchedKey) =>
        SensitiveData.Excerpt(Mask(facts.Body, facts, switchedKey), facts.ApiKey, ExcerptLength);

    private static string? Mask(string? text, in CallFacts facts, string? switchedKey) =>
        SensitiveData.Mask(SensitiveData.Mask(text, switchedKey), facts.ApiKey);
}
