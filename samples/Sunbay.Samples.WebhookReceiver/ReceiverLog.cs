using Sunbay.Client;

namespace Sunbay.Samples.WebhookReceiver;

/// <summary>The sample's log messages (source-generated).</summary>
internal static partial class ReceiverLog
{
    [LoggerMessage(1, LogLevel.Information, "Webhook {ClientRequestId}: {Type} {TransactionRequestId} (transactionId {TransactionId}) is {Status}, amount {Amount}")]
    public static partial void Received(ILogger logger, string clientRequestId, string transactionRequestId, string? transactionId, string type, TransactionStatus status, string? amount);
}
