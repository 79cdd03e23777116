using Microsoft.Extensions.Logging;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore;

/// <summary>Source-generated log messages. None carries a secret, a signature or card data.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Warning, "Rejected a SUNBAY webhook with HTTP {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, int statusCode, SunbayWebhookFailureReason reason);

    [LoggerMessage(102, LogLevel.Debug, "SUNBAY webhook {ClientRequestId} for transaction {TransactionRequestId} ({Status}) is a duplicate; answered 200 without processing")]
    public static partial void Duplicate(ILogger logger, string clientRequestId, string transactionRequestId, TransactionStatus status);

    [LoggerMessage(103, LogLevel.Debug, "Processed SUNBAY webhook {ClientRequestId} for transaction {TransactionRequestId} ({Status}) in {ElapsedMs:F1} ms")]
    public static partial void Processed(ILogger logger, string clientRequestId, string transactionRequestId, TransactionStatus status, double elapsedMs);

    [LoggerMessage(104, LogLevel.Error, "The handler of SUNBAY webhook {ClientRequestId} for transaction {TransactionRequestId} failed; its claim is released so that a re-delivery is processed")]
    public static partial void HandlerFailed(ILogger logger, string clientRequestId, string transactionRequestId, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "The handler of SUNBAY webhook {ClientRequestId} is still running after {TimeoutMs} ms; answered 200 and it goes on in the background")]
    public static partial void Acknowledged(ILogger logger, string clientRequestId, double timeoutMs);

    [LoggerMessage(106, LogLevel.Warning, "Publishing SUNBAY webhook {ClientRequestId} to the transaction notification bus failed; waiting operations will see the result at their next poll")]
    public static partial void PublishFailed(ILogger logger, string clientRequestId, Exception exception);

    [LoggerMessage(107, LogLevel.Error, "The webhook de-duplication store failed for SUNBAY webhook {ClientRequestId}; answered 503 so that SUNBAY delivers it again")]
    public static partial void StoreFailed(ILogger logger, string clientRequestId, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "Resolving payment journal entry {TransactionRequestId} from its webhook failed; the recovery service delivers it")]
    public static partial void JournalResolveFailed(ILogger logger, string transactionRequestId, Exception exception);
}
