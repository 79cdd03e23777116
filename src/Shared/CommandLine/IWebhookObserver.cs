using Sunbay.Client.Webhooks;

namespace Sunbay.CommandLine;

/// <summary>Told what a <see cref="WebhookReceiver"/> received (the go-live check's inbox): verified notifications and rejected deliveries.</summary>
internal interface IWebhookObserver
{
    /// <summary>A delivery that passed verification (the MapSunbayWebhooks handler).</summary>
    void OnVerified(TransactionNotification notification);

    /// <summary>A delivery answered with an error status (bad signature, stale timestamp, malformed body).</summary>
    /// <param name="statusCode">The status answered.</param>
    /// <param name="transactionRequestId">The transaction the (unverified) body names, when it could be read.</param>
    void OnRejected(int statusCode, string? transactionRequestId);
}
