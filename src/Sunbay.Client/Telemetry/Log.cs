using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Telemetry;

/// <summary>Source-generated log messages. None of them carries a key, a secret, or an unmasked card number.</summary>
/// <remarks>
/// Quiet by default: at Information a transaction logs one line per state change (its final status, an abort sent, a
/// re-send that found the existing transaction); every call, attempt, retry and poll is a Debug line. Warnings and
/// errors are the lines that call for a look: an outcome unknown, the first failed poll of a series, an abort that
/// failed, conflicting final states, an inherited retry handler removed from the Sunbay client.
/// </remarks>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "SUNBAY {Operation} answered HTTP {StatusCode} code {Code} traceId {TraceId} in {ElapsedMs:F1} ms after {Attempts} attempt(s)")]
    public static partial void ApiCall(ILogger logger, string operation, int? statusCode, string? code, string? traceId, double elapsedMs, int attempts);

    [LoggerMessage(2, LogLevel.Warning, "SUNBAY {Operation} for transactionRequestId {TransactionRequestId} failed after it may have been sent; its outcome is unknown until it is queried")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string? transactionRequestId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Polling transaction {TransactionRequestId} failed; polling goes on")]
    public static partial void PollFailed(ILogger logger, string transactionRequestId, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Transaction {TransactionRequestId} reached final status {Status} ({Source})")]
    public static partial void TransactionCompleted(ILogger logger, string transactionRequestId, TransactionStatus status, string source);

    [LoggerMessage(5, LogLevel.Debug, "Retrying SUNBAY {Method} {Path} as attempt {Attempt} after {DelayMs:F0} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason);

    [LoggerMessage(6, LogLevel.Debug, "SUNBAY {Operation} failed: HTTP {StatusCode} code {Code} traceId {TraceId} after {ElapsedMs:F1} ms and {Attempts} attempt(s): {Message}")]
    public static partial void ApiFailed(ILogger logger, string operation, int? statusCode, string? code, string? traceId, double elapsedMs, int attempts, string message);

    [LoggerMessage(7, LogLevel.Warning, "Sunbay client '{Name}': removed the inherited resilience handler {HandlerType} (e.g. from ConfigureHttpClientDefaults); the Sunbay pipeline must be the only one, as a generic retry can send a payment twice")]
    public static partial void InheritedResilienceRemoved(ILogger logger, string name, string handlerType);

    [LoggerMessage(8, LogLevel.Information, "SUNBAY refused the re-send of {Operation} transactionRequestId {TransactionRequestId} with code {Code}, but a query found the transaction: following it instead of reporting a failure")]
    public static partial void ResendFoundExisting(ILogger logger, string operation, string transactionRequestId, string code);

    // Event IDs 41-49: waits and aborts of TransactionOperation.
    [LoggerMessage(41, LogLevel.Debug, "Polling transaction {TransactionRequestId} failed again; polling goes on: {Message}")]
    public static partial void PollFailedAgain(ILogger logger, string transactionRequestId, string message);

    [LoggerMessage(42, LogLevel.Information, "Aborting transaction {TransactionRequestId}: no final status {AbortAfter} after the wait began (attempt {Attempt})")]
    public static partial void Aborting(ILogger logger, string transactionRequestId, TimeSpan abortAfter, int attempt);

    [LoggerMessage(43, LogLevel.Warning, "Abort of transaction {TransactionRequestId} failed; waiting for its final status")]
    public static partial void AbortFailed(ILogger logger, string transactionRequestId, Exception exception);

    [LoggerMessage(44, LogLevel.Debug, "Ignored a {Status} answer ({Source}) for transaction {TransactionRequestId}: it already completed with {FinalStatus}")]
    public static partial void StaleAnswerIgnored(ILogger logger, string transactionRequestId, TransactionStatus status, TransactionUpdateSource source, TransactionStatus finalStatus);

    [LoggerMessage(45, LogLevel.Warning, "Transaction {TransactionRequestId} completed with {FinalStatus}, but a later {Source} reports {Status}; the first final status is kept")]
    public static partial void ConflictingFinalIgnored(ILogger logger, string transactionRequestId, TransactionStatus finalStatus, TransactionUpdateSource source, TransactionStatus status);
}
