namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// A journaled start got no answer after its request may have left: the card may be charged. The journal keeps the
/// entry; the recovery service resolves it, or start again with <see cref="IdempotencyKey"/> and the same request: the
/// provider is asked first and nothing is sent twice while the first may exist.
/// </summary>
public sealed class CardPaymentOutcomeUnknownException : SunbayTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="idempotencyKey">The start's key, generated when the caller gave none.</param>
    /// <param name="inner">The provider's transport error.</param>
    public CardPaymentOutcomeUnknownException(string idempotencyKey, SunbayTransportException inner)
        : base(
            $"{inner?.Message} Idempotency key '{idempotencyKey}': start again with it and the same request to reconcile.",
            inner?.Operation ?? "start",
            outcomeUnknown: true,
            inner?.TransactionRequestId ?? idempotencyKey,
            inner?.StatusCode,
            inner) => IdempotencyKey = idempotencyKey;

    /// <summary>The start's idempotency key (generated when the caller gave none): reconcile with it.</summary>
    public string IdempotencyKey { get; }
}
