namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// The sandbox test-amount table (docs.sunbay.us, resources/sandbox/test-scenarios): the order amount in minor units
/// picks the channel's answer. 8826 and 7629 have no published code; the fake's choices are 059 "Suspected fraud" and
/// 091 "Issuer or switch inoperative" (the channel timed out, so the transaction fails).
/// </summary>
internal static class SandboxAmounts
{
    private static readonly Dictionary<long, (string Code, string Message)> Declines = new()
    {
        [9823] = ("005", "Do not honor"),
        [9734] = ("051", "Insufficient funds"),
        [9651] = ("054", "Expired card"),
        [9542] = ("014", "Invalid account number"),
        [9467] = ("062", "Restricted card"),
        [9318] = ("061", "Exceeds approval amount limit"),
        [9276] = ("0N7", "Decline for CVV2 failure"),
        [9185] = ("041", "Lost card"),
        [9094] = ("043", "Stolen card"),
        [8917] = ("001", "Refer to card issuer"),
        [8826] = ("059", "Suspected fraud"),
        [7629] = ("091", "Issuer or switch inoperative"),
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
