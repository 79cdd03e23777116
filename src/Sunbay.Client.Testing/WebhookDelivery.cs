namespace Sunbay.Client.Testing;

/// <summary>One attempt to deliver a transaction webhook, as logged by <see cref="FakeWebhooks.Deliveries"/>.</summary>
/// <param name="NotificationId">The <c>X-Client-Request-Id</c> of the notification: the same on every retry and duplicate.</param>
/// <param name="TransactionId">SUNBAY transaction ID the notification is about.</param>
/// <param name="TransactionRequestId">Its <c>transactionRequestId</c>.</param>
/// <param name="TransactionStatus">Status letter sent (S, F or C).</param>
/// <param name="Url">The <c>notifyUrl</c>.</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, ...</param>
/// <param name="StatusCode">HTTP status answered by the receiver; <see langword="null"/> when it could not be reached (or the URL was refused).</param>
/// <param name="Error">Why the attempt failed without a status, if it did.</param>
/// <param name="Body">The exact body sent.</param>
/// <param name="Signature">The <c>X-Signature</c> header sent.</param>
/// <param name="Tampered">Whether the body was altered after signing (<see cref="FakeWebhooks.TamperNext"/>).</param>
/// <param name="Duplicate">Whether this is an extra copy sent on purpose (<see cref="FakeWebhooks.DuplicateNext"/>).</param>
/// <param name="Time">When the attempt was made, on the host's <see cref="FakeProviderHost.TimeProvider"/>.</param>
public sealed record WebhookDelivery(
    string NotificationId,
    string? TransactionId,
    string? TransactionRequestId,
    string? TransactionStatus,
    string Url,
    int Attempt,
    int? StatusCode,
    string? Error,
    string Body,
    string Signature,
    bool Tampered,
    bool Duplicate,
    DateTimeOffset Time)
{
    /// <summary>Whether the receiver acknowledged this attempt with HTTP 200.</summary>
    public bool Acknowledged => StatusCode == 200;
}
