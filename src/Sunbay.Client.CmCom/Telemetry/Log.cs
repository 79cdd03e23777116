using Microsoft.Extensions.Logging;

namespace Sunbay.Client.CmCom.Telemetry;

/// <summary>Source-generated log messages of the CM.com client. None carries an API key or a receipt (which may hold a masked card number).</summary>
/// <remarks>
/// Quiet by default, like the SUNBAY client: at Information one line per state change of a transaction (started, each
/// new status, a cancel's outcome, a transaction found instead of sent again) and per step of a key rotation; every
/// call, attempt, retry and poll is a Debug line. Warnings call for a look: an outcome unknown, the first failed poll
/// of a series, an inherited retry handler removed, a rotation that could not complete.
/// </remarks>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "CM.com {Operation} answered HTTP {StatusCode} in {ElapsedMs:F1} ms after {Attempts} attempt(s)")]
    public static partial void ApiCall(ILogger logger, string operation, int? statusCode, double elapsedMs, int attempts);

    [LoggerMessage(2, LogLevel.Warning, "CM.com {Operation} (terminal {TerminalId}, merchant_order_reference {MerchantOrderReference}, transaction {TransactionId}) failed after it may have been sent; its outcome is unknown until it is read back")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string? terminalId, string? merchantOrderReference, string? transactionId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Reading CM.com transaction {TransactionId} on terminal {TerminalId} failed; polling goes on")]
    public static partial void PollFailed(ILogger logger, string transactionId, string terminalId, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Reading CM.com transaction {TransactionId} on terminal {TerminalId} failed again; polling goes on: {Message}")]
    public static partial void PollFailedAgain(ILogger logger, string transactionId, string terminalId, string message);

    [LoggerMessage(5, LogLevel.Debug, "Retrying CM.com {Method} {Path} as attempt {Attempt} after {DelayMs:F0} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string? path, int attempt, double delayMs, string reason);

    [LoggerMessage(6, LogLevel.Debug, "CM.com {Operation} failed: HTTP {StatusCode} after {ElapsedMs:F1} ms and {Attempts} attempt(s): {Message}")]
    public static partial void ApiFailed(ILogger logger, string operation, int? statusCode, double elapsedMs, int attempts, string message);

    [LoggerMessage(7, LogLevel.Warning, "CM.com client '{Name}': removed the inherited resilience handler {HandlerType} (e.g. from ConfigureHttpClientDefaults); the SDK's pipeline must be the only one, as a generic retry can send a payment twice")]
    public static partial void InheritedResilienceRemoved(ILogger logger, string name, string handlerType);

    [LoggerMessage(10, LogLevel.Information, "Started CM.com {Type} {TransactionId} on terminal {TerminalId} for merchant_order_reference {MerchantOrderReference}: {Status}")]
    public static partial void Started(ILogger logger, CmComTransactionType type, string transactionId, string terminalId, string? merchantOrderReference, CmComTransactionStatus status);

    [LoggerMessage(11, LogLevel.Information, "CM.com transaction {TransactionId} on terminal {TerminalId} is {Status} (result {Result})")]
    public static partial void StatusChanged(ILogger logger, string transactionId, string terminalId, CmComTransactionStatus status, CmComTransactionResult? result);

    [LoggerMessage(12, LogLevel.Information, "Cancel of CM.com transaction {TransactionId} on terminal {TerminalId}: {Outcome} (status {Status})")]
    public static partial void Cancelled(ILogger logger, string transactionId, string terminalId, CmComCancelOutcome outcome, CmComTransactionStatus? status);

    [LoggerMessage(13, LogLevel.Information, "Found CM.com transaction {TransactionId} ({Status}) for merchant_order_reference {MerchantOrderReference} on terminal {TerminalId}: following it instead of sending it again")]
    public static partial void FoundExisting(ILogger logger, string transactionId, CmComTransactionStatus status, string merchantOrderReference, string terminalId);

    [LoggerMessage(14, LogLevel.Warning, "Reading CM.com transaction {TransactionId} on terminal {TerminalId} after its cancel was refused failed; read it again to learn its state")]
    public static partial void ReadAfterConflictFailed(ILogger logger, string transactionId, string terminalId, Exception exception);

    // Event IDs 20-29: API keys and their rotation. Never the key itself.
    [LoggerMessage(20, LogLevel.Information, "Created CM.com API key {KeyId} ({Label})")]
    public static partial void KeyCreated(ILogger logger, long keyId, string? label);

    [LoggerMessage(21, LogLevel.Information, "Switched the CM.com client to API key {KeyId}; proven by a request made with it")]
    public static partial void KeySwitched(ILogger logger, long keyId);

    [LoggerMessage(22, LogLevel.Information, "Revoked CM.com API key {KeyId}")]
    public static partial void KeyRevoked(ILogger logger, long keyId);

    [LoggerMessage(23, LogLevel.Warning, "Storing the new CM.com API key {KeyId} failed; revoking it so that no key nobody holds stays valid")]
    public static partial void KeyStoreFailed(ILogger logger, long keyId, Exception exception);

    [LoggerMessage(25, LogLevel.Error, "Revoking the new CM.com API key {KeyId}, which could not be stored, failed: revoke it yourself")]
    public static partial void KeyOrphaned(ILogger logger, long keyId, Exception exception);

    [LoggerMessage(24, LogLevel.Warning, "The new CM.com API key {KeyId} was refused; the client goes back to the key it replaced, which was not revoked")]
    public static partial void KeyRefused(ILogger logger, long keyId, Exception exception);
}
