namespace Sunbay.Client.Payments.Durability;

/// <summary>
/// The application's "payment finished" logic, written once: called with every final outcome of a journaled start,
/// whoever saw it first (the waiting call, the recovery service after a restart, another instance, a webhook), exactly
/// once across all instances sharing the journal.
/// </summary>
/// <remarks>
/// Exactly once holds unless the instance dies after the handler returned and before the entry was closed (a few
/// milliseconds): the outcome is then delivered again. <see cref="CardPaymentResolution.IdempotencyKey"/> lets the
/// handler recognise that repeat. A handler that throws is called again at the next recovery pass.
/// </remarks>
public interface ICardPaymentOutcomeHandler
{
    /// <summary>Handles a payment or refund that ended, or whose request never reached the provider.</summary>
    /// <param name="resolution">The entry and its outcome.</param>
    /// <param name="cancellationToken">Cancels the handling (the application stops).</param>
    Task HandleAsync(CardPaymentResolution resolution, CancellationToken cancellationToken);
}

/// <summary>How a journaled start ended: its outcome, or that the provider never received it.</summary>
public sealed class CardPaymentResolution
{
    /// <summary>The journal entry (kind, amount asked for, merchant reference, terminal, provider IDs).</summary>
    public required PaymentJournalEntry Entry { get; init; }

    /// <summary>The final outcome; <see langword="null"/> when <see cref="NotReceived"/>.</summary>
    public CardPaymentOutcome? Outcome { get; init; }

    /// <summary>The request never reached the provider: nothing was charged.</summary>
    public bool NotReceived => Outcome is null;

    /// <summary>The start's idempotency key.</summary>
    public string IdempotencyKey => Entry.Key;

    /// <summary>Who saw the outcome: <c>start</c> (the waiting call), <c>recovery</c>, <c>webhook</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The entry and the outcome.</summary>
    public override string ToString() => $"{Entry.Key} ({Source}): {(Outcome is { } outcome ? outcome.ToString() : "never received")}";
}
