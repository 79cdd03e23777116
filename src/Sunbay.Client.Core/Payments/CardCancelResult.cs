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

    /// <summary>The cancel status and the outcome.</summary>
    public override string ToString() => $"{Status}: {Outcome}";
}
