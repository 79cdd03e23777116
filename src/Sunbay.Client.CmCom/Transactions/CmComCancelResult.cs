namespace Sunbay.Client.CmCom;

/// <summary>The answer to a cancel: <see cref="CmComCancelOutcome.Cancelled"/>, or <see cref="CmComCancelOutcome.TooLate"/> with the transaction's real state.</summary>
/// <param name="Outcome">What the cancel did.</param>
/// <param name="Transaction">
/// After <see cref="CmComCancelOutcome.TooLate"/>, the transaction as read right after the refusal (e.g. approved: refund
/// it, or authorised: wait for it); <see langword="null"/> after <see cref="CmComCancelOutcome.Cancelled"/>, or when that
/// read failed (read it again, or wait for the operation).
/// </param>
public sealed record CmComCancelResult(CmComCancelOutcome Outcome, CmComTransaction? Transaction);
