namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The sandbox test-amount table (docs.sunbay.us, resources/sandbox/test-scenarios): the order amount in minor units
/// picks the channel's answer. The amounts are public as <see cref="FakeSandboxAmounts"/>. 8826 and 7629 have no published code; the fake's choices are 059 "Suspected fraud" and
/// 091 "Issuer or switch inoperative" (the channel timed out, so the transaction fails).
/// </summary>
internal static class SandboxAmounts
{
    private static readonly Dictionary<long, (string Code, string Message)> Declines = new()
    {
        [FakeSandboxAmounts.Declined] = ("005", "Do not honor"),
        [FakeSandboxAmounts.InsufficientFunds] = ("051", "Insufficient funds"),
        [FakeSandboxAmounts.ExpiredCard] = ("054", "Expired card"),
        [FakeSandboxAmounts.InvalidAccountNumber] = ("014", "Invalid account number"),
        [FakeSandboxAmounts.RestrictedCard] = ("062", "Restricted card"),
        [FakeSandboxAmounts.ExceedsApprovalLimit] = ("061", "Exceeds approval amount limit"),
        [FakeSandboxAmounts.CvvFailure] = ("0N7", "Decline for CVV2 failure"),
        [FakeSandboxAmounts.LostCard] = ("041", "Lost card"),
        [FakeSandboxAmounts.StolenCard] = ("043", "Stolen card"),
        [FakeSandboxAmounts.ReferToIssuer] = ("001", "Refer to card issuer"),
        [FakeSandboxAmounts.SuspectedFraud] = ("059", "Suspected fraud"),
        [FakeSandboxAmounts.IssuerInoperative] = ("091", "Issuer or switch inoperative"),
    };

    public static bool TryDecline(long amount, out string code, out string message)
    {
        if (Declines.TryGetValue(amount, out var decline))
        {
            (code, message) = decline;
            return true;
        }

        code = "000";
        message = "Approved";
        return false;
    }
}
