namespace Sunbay.Client.Testing;

/// <summary>
/// What the cardholder does on a <see cref="FakeTerminal"/> (SUNBAY) or a <see cref="FakeCmComTerminal"/> (CM.com) for one
/// transaction; queue it with <see cref="FakeProviderTerminal.Enqueue(FakeCardResult, int)"/>. Without a script the SUNBAY sandbox amount table, or
/// <see cref="FakeCmComHostOptions.OutcomesByAmount"/>, decides. On CM.com an approval is AUTHORIZED then CLEARED, a
/// decline CANCELLED with result DECLINED, a cardholder cancel CANCELLED without a result, and a card never presented
/// leaves the transaction CREATED.
/// </summary>
public sealed class FakeCardResult
{
    private FakeCardResult(FakeCardOutcome outcome, string? resultCode, string? resultMessage)
    {
        Outcome = outcome;
        ResultCode = resultCode;
        ResultMessage = resultMessage;
    }

    /// <summary>The kind of outcome.</summary>
    public FakeCardOutcome Outcome { get; }

    /// <summary>Channel response code of a decline (e.g. <c>051</c>).</summary>
    public string? ResultCode { get; }

    /// <summary>Channel response message of a decline.</summary>
    public string? ResultMessage { get; }

    /// <summary>The card is presented and approved (status S, code 000), whatever the amount.</summary>
    public static FakeCardResult Approve { get; } = new(FakeCardOutcome.Approve, "000", "Approved");

    /// <summary>The cardholder cancels on the terminal: status C (closed).</summary>
    public static FakeCardResult CustomerCancels { get; } = new(FakeCardOutcome.CustomerCancels, null, "Cancelled by the cardholder");

    /// <summary>No card is ever presented: the transaction stays P until its <c>timeExpire</c>, then becomes C.</summary>
    public static FakeCardResult NeverPresentsCard { get; } = new(FakeCardOutcome.NeverPresentsCard, null, "Transaction expired");

    /// <summary>The card is presented and declined: status F with this channel code and message.</summary>
    /// <param name="resultCode">Channel response code, e.g. <c>051</c>.</param>
    /// <param name="resultMessage">Channel response message, e.g. <c>Insufficient funds</c>.</param>
    public static FakeCardResult Decline(string resultCode, string resultMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultCode);
        ArgumentNullException.ThrowIfNull(resultMessage);
        return new(FakeCardOutcome.Decline, resultCode, resultMessage);
    }

    /// <inheritdoc/>
    public override string ToString() => Outcome == FakeCardOutcome.Decline ? $"Decline {ResultCode} {ResultMessage}" : Outcome.ToString();
}
