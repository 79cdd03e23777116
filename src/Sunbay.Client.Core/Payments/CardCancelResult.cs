namespace Sunbay.Client.Payments;

/// <summary>What <see cref="CardPaymentOperation.CancelAsync(CancellationToken)"/> achieved, and how the operation really ended.</summary>
public sealed class CardCancelResult
{
    /// <summary>Whether the cancel took effect (<see cref="CardCancelStatus.Cancelled"/>) or came too late.</summary>
    public required CardCancelStatus Status { get; init; }

    /// <summary>
    /// The operation's final state, read after the cancel: <see cref="CardPaymentStatus.Cancelled"/> when it worked;
    /// otherwise what happened instead (approved, declined, expired).
    /// </summary>
    public required CardPaymentOutcome Outcome { get; init; }

    /// <summary>The result of a cancel whose operation ended with <paramref name="outcome"/>: cancelled, or too late.</summary>
    internal static CardCancelResult After(CardPaymentOutcome outcome) => new()
    {
        Status = outcome.Status == CardPaymentStatus.Cancelled ? CardCancelStatus.Cancelled : CardCancelStatus.TooLate,
        Outcome = outcome,
    };

    /// <summary>The cancel status and the outcome.</summary>
    public override string ToString() => $"{Status}: {Outcome}";
}
