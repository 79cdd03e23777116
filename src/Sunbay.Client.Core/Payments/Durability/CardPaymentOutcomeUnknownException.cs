namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// A journaled start got no answer after its request may have left: the card may be charged. The journal keeps the
/// entry; the recovery service resolves it, or start again with <see cref="PaymentsTransportException.IdempotencyKey"/>
/// (the start's key, generated when the caller gave none) and the same request: the provider is asked first and nothing
/// is sent twice while the first may exist.
/// </summary>
public sealed class CardPaymentOutcomeUnknownException : PaymentsTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="idempotencyKey">The start's key, generated when the caller gave none.</param>
    /// <param name="inner">The provider's transport error.</param>
    public CardPaymentOutcomeUnknownException(string idempotencyKey, PaymentsTransportException inner)
        : base(
            inner?.Provider ?? "the provider",
            $"{inner?.Message} Idempotency key '{idempotencyKey}': start again with it and the same request to reconcile.",
            inner?.Operation ?? "start",
            outcomeUnknown: true,
            idempotencyKey,
            inner?.StatusCode,
            inner)
    {
    }
}
