using System.Globalization;

namespace Sunbay.Samples.Console;

/// <summary>The command line: one command and its flags.</summary>
internal sealed class SampleArguments
{
    public const string Usage = """
        Sunbay.Samples.Console: card-present payments with Sunbay.Client.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- [command] [options]

        Commands:
          sale          (default) a sale, its wait, and a full refund
          auth          a pre-authorisation, then its capture (post-auth)
          void          a sale, then its void (same day only)
          abort         a sale that is aborted while it waits for the card
          tip-adjust    a sale, then a new tip on it
          batch-close   totals of the open batch, then its close (irreversible)
          terminals     the merchant's terminals

        Options:
          --amount N        amount in minor units (default 1000 = 10.00); 9823 shows a decline
          --currency XXX    ISO 4217 currency (default USD)
          --tip N           new tip in minor units for tip-adjust (default 200)
          --terminal SN     terminal serial number (default: configuration Sunbay:TerminalSn)
          -h, --help        this text

        Configuration (environment variables or appsettings.json):
          Sunbay__ApiKey, Sunbay__AppId, Sunbay__MerchantId, Sunbay__TerminalSn,
          Sunbay__Environment (Production | Sandbox) or Sunbay__BaseAddress.
          Without Sunbay__ApiKey the sample runs against an embedded FakeSunbayHost: no account or device needed.
        """;

    public string Command { get; private init; } = "sale";

    public long Amount { get; private init; } = 1000;

    public string Currency { get; private init; } = "USD";

    public long Tip { get; private init; } = 200;

    public string? Terminal { get; private init; }

    public bool Help { get; private init; }

    /// <summary>Parses <paramref name="args"/>; returns an error to show when they are wrong.</summary>
    public static (SampleArguments? Arguments, string? Error) Parse(string[] args)
    {
        string command = "sale";
        long amount = 1000, tip = 200;
        string currency = "USD";
        string? terminal = null;
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.");
            try
            {
                switch (arg)
                {
                    case "-h" or "--help" or "help":
                        help = true;
                        break;
                    case "--amount":
                        amount = long.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--tip":
                        tip = long.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--currency":
                        currency = Next().ToUpperInvariant();
                        break;
                    case "--terminal":
                        terminal = Next();
                        break;
                    case "sale" or "auth" or "void" or "abort" or "tip-adjust" or "batch-close" or "terminals":
                        command = arg;
                        break;
                    default:
                        return (null, $"Unknown argument '{arg}'. Run with --help to see the commands and options.");
                }
            }
            catch (FormatException ex)
            {
                return (null, $"{arg}: {ex.Message} Amounts are whole minor units, e.g. --amount 1050 for 10.50.");
            }
            catch (OverflowException)
            {
                return (null, $"{arg}: the number is too large.");
            }
        }

        return (new SampleArguments { Command = command, Amount = amount, Currency = currency, Tip = tip, Terminal = terminal, Help = help }, null);
    }
}
