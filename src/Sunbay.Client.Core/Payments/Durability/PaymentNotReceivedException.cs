namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The provider never received the start: an operation resumed from its ID (or a journal entry whose request may have
/// left) is still unknown to the provider after a bounded window (SUNBAY:
/// <c>SunbayPollingOptions.NotReceivedAfter</c>). Nothing was charged; starting again with the same idempotency
/// key is safe.
/// </summary>
public sealed class PaymentNotReceivedException : PaymentsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="id">The operation's ID or idempotency key that the provider does not know.</param>
    /// <param name="window">How long the provider was asked before giving up.</param>
    public PaymentNotReceivedException(string provider, string id, TimeSpan window)
        : base($"{provider} has no transaction '{id}' after {window.TotalSeconds:0.#} s of looking: the request never reached it and nothing was charged. Starting again with the same idempotency key is safe.")
    {
        Provider = provider;
        Id = id;
    }

    /// <summary>The provider.</summary>
    public string Provider { get; }

    /// <summary>The operation's ID or idempotency key that the provider does not know.</summary>
    public string Id { get; }
}
