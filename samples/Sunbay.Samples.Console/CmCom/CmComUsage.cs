namespace Sunbay.Samples.Console;

/// <summary>The help of <c>--provider cm</c>: CM.com's MerchantAPI commands, options and configuration.</summary>
internal static class CmComUsage
{
    /// <summary>The CM.com commands, with their one-line descriptions, in help order.</summary>
    public static readonly IReadOnlyList<(string Name, string Summary)> Commands =
    [
        ("sale", "(default) a purchase, its wait, and a referenced refund of it"),
        ("cancel", "a purchase, then its cancel (204: cancelled; 409: too late, the real status is read)"),
        ("neutral", "a payment, its wait and a refund through the provider-neutral ICardPayments"),
    ];

    public const string Text = """
        Sunbay.Samples.Console --provider cm: card-present payments on CM.com's MerchantAPI with Sunbay.Client.CmCom.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- --provider cm [sale | cancel | neutral] [options]

        Commands:
          sale          (default) a purchase, its wait, and a referenced refund of it
          cancel        a purchase, then its cancel (204: cancelled; 409: too late, the real status is read)
          neutral       a payment, its wait and a refund through the provider-neutral ICardPayments

        Options:
          --amount N        amount in minor units (default 1000 = 10.00 EUR); sent in major units with the currency's decimals
          --currency XXX    ISO 4217 currency (default EUR)
          --terminal ID     terminal id {manufacturer}-{model}-{serial} (default: configuration CmCom:Terminal)
          --late            cancel: cancel only once the card was presented, to see CM.com's 409 and the real status
          -h, --help        this text

        Configuration (environment variables, or appsettings.json next to the sample):
          CmCom__ApiKey, CmCom__BaseAddress (the MerchantAPI address CM.com gave you), CmCom__Terminal,
          optionally CmCom__Polling__InitialInterval and the other CmCom:* settings of the package README.
          Without CmCom__ApiKey the sample runs against an embedded FakeCmComHost: no account or terminal needed.

        A purchase whose answer is lost is never posted twice: the sample looks for its merchant_order_reference in the
        terminal's transactions for CmCom__Polling__NotReceivedAfter and follows it; when it is not there, it stops.

        Exit codes: 0 done, 1 failed, 2 declined, 64 bad arguments, 78 bad configuration.
        """;
}
