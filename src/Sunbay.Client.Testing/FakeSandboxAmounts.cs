namespace Sunbay.Client.Testing;

/// <summary>
/// The SUNBAY sandbox's test amounts (docs.sunbay.us, resources/sandbox/test-scenarios), in minor units: a sale, auth, forced
/// auth or incremental auth of one of these amounts is declined with the code shown, by SUNBAY's sandbox and by
/// <see cref="FakeSunbayHost"/> alike. Any other amount is approved (code <c>000</c>).
/// </summary>
/// <remarks>
/// 8826 and 7629 have no published code: the fake answers 059 "Suspected fraud" and 091 "Issuer or switch inoperative".
/// A terminal's scripted outcome (<see cref="FakeProviderTerminal.DeclineNext"/>) wins over the amount.
/// </remarks>
public static class FakeSandboxAmounts
{
    /// <summary>An amount that is approved: 10.00 (any amount not listed here is).</summary>
    public const long Approved = 1000;

    /// <summary>9823: declined, <c>005</c> "Do not honor".</summary>
    public const long Declined = 9823;

    /// <summary>9734: declined, <c>051</c> "Insufficient funds".</summary>
    public const long InsufficientFunds = 9734;

    /// <summary>9651: declined, <c>054</c> "Expired card".</summary>
    public const long ExpiredCard = 9651;

    /// <summary>9542: declined, <c>014</c> "Invalid account number".</summary>
    public const long InvalidAccountNumber = 9542;

    /// <summary>9467: declined, <c>062</c> "Restricted card".</summary>
    public const long RestrictedCard = 9467;

    /// <summary>9318: declined, <c>061</c> "Exceeds approval amount limit".</summary>
    public const long ExceedsApprovalLimit = 9318;

    /// <summary>9276: declined, <c>0N7</c> "Decline for CVV2 failure".</summary>
    public const long CvvFailure = 9276;

    /// <summary>9185: declined, <c>041</c> "Lost card".</summary>
    public const long LostCard = 9185;

    /// <summary>9094: declined, <c>043</c> "Stolen card".</summary>
    public const long StolenCard = 9094;

    /// <summary>8917: declined, <c>001</c> "Refer to card issuer".</summary>
    public const long ReferToIssuer = 8917;

    /// <summary>8826: declined, <c>059</c> "Suspected fraud" (the fake's choice: SUNBAY publishes no code).</summary>
    public const long SuspectedFraud = 8826;

    /// <summary>7629: the channel times out and the transaction fails, <c>091</c> "Issuer or switch inoperative" (the fake's choice).</summary>
    public const long IssuerInoperative = 7629;
}
