using Microsoft.Extensions.Logging;

namespace Sunbay.Client.Pipeline;

/// <summary>The log lines of a <see cref="PaymentsPipeline"/>'s calls and operations. Never a key, never a card number.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1, LogLevel.Debug, "{Provider} {Operation} answered HTTP {StatusCode} in {ElapsedMs:F1} ms after {Attempts} attempt(s)")]
    public static partial void ApiCall(ILogger logger, string provider, string operation, int? statusCode, double elapsedMs, int attempts);

    [LoggerMessage(2, LogLevel.Debug, "{Provider} {Operation} failed: HTTP {StatusCode} after {ElapsedMs:F1} ms and {Attempts} attempt(s): {Message}")]
    public static partial void ApiFailed(ILogger logger, string provider, string operation, int? statusCode, double elapsedMs, int attempts, string message);

    [LoggerMessage(3, LogLevel.Warning, "{Provider} {Operation} (idempotency key {IdempotencyKey}) failed after it may have been sent; its outcome is unknown until it is read back")]
    public static partial void OutcomeUnknown(ILogger logger, string provider, string operation, string? idempotencyKey, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Retrying {Provider} {Method} {Path} as attempt {Attempt} after {DelayMs:F0} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string provider, string method, string? path, int attempt, double delayMs, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Reading {Provider} operation {Id} failed; polling goes on")]
    public static partial void PollFailed(ILogger logger, string provider, string id, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Reading {Provider} operation {Id} failed again; polling goes on: {Message}")]
    public static partial void PollFailedAgain(ILogger logger, string provider, string id, string message);
}
