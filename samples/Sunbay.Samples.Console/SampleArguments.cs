using System.Globalization;

namespace Sunbay.Samples.Console;

/// <summary>The command line: one command and its flags.</summary>
internal sealed class SampleArguments
{
    /// <summary>The commands, with their one-line descriptions, in help order.</summary>
    public static readonly IReadOnlyList<(string Name, string Summary)> Commands =
    [
        ("sale", "(default) a sale, its wait, and a full refund"),
        ("auth", "a pre-authorisation, then its capture (post-auth)"),
        ("void", "a sale, then its void (same day only)"),
        ("abort", "a sale that is aborted while it waits for the card"),
        ("tip-adjust", "a sale, then a new tip on it"),
        ("batch-close", "totals of the open batch, then its close (irreversible)"),
        ("terminals", "the merchant's terminals"),
        ("neutral", "a payment, its wait and a refund through the provider-neutral ICardPayments (any --provider)"),
    ];

    /// <summary>The providers of <c>--provider</c>: SUNBAY Nexus (the default) and CM.com's MerchantAPI.</summary>
    public const string Sunbay = "sunbay", Cm = "cm";

    private const string Configuration = """
        Configuration (environment variables, or appsettings.json next to the sample):
          Sunbay__ApiKey, Sunbay__AppId, Sunbay__MerchantId, Sunbay__TerminalSn,
          Sunbay__Environment (Production | Sandbox) or Sunbay__BaseAddress.
          Without Sunbay__ApiKey the sample runs against an embedded FakeSunbayHost: no account or device needed.
        """;

    private const string WebhookConfiguration = """
        Webhooks against a real environment (Sandbox or Production):
          Sunbay__NotifyUrl             the public HTTPS URL SUNBAY posts to; it must reach this process at
                                        http://127.0.0.1:<--webhook-port>/webhooks/sunbay, e.g. through a tunnel:
                                          cloudflared tunnel --url http://127.0.0.1:5080
                                          Sunbay__NotifyUrl=https://<name>.trycloudflare.com/webhooks/sunbay
          Sunbay__Webhooks__Secrets__0  the webhook signing secret of the application (Copilot/Connect portal)
        With the embedded fake host neither is needed: the receiver listens on a random port and uses the fake's secret.
        """;

    public const string Usage = $"""
        Sunbay.Samples.Console: card-present payments with Sunbay.Client.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- [command] [options]
               dotnet run --project samples/Sunbay.Samples.Console -- <command> --help

        Commands:
          sale          (default) a sale, its wait, and a full refund
          auth          a pre-authorisation, then its capture (post-auth)
          void          a sale, then its void (same day only)
          abort         a sale that is aborted while it waits for the card
          tip-adjust    a sale, then a new tip on it
          batch-close   totals of the open batch, then its close (irreversible)
          terminals     the merchant's terminals
          neutral       a payment, its wait and a refund through the provider-neutral ICardPayments (any --provider)

        Options:
          --amount N        amount in minor units (default 1000 = 10.00); 9823 shows a decline
          --currency XXX    ISO 4217 currency (default USD)
          --tip N           new tip in minor units for tip-adjust (default 200)
          --terminal SN     terminal serial number (default: configuration Sunbay:TerminalSn)
          --webhooks        sale: receive the result by webhook in this process instead of polling
          --webhook-port N  local port of the webhook receiver (default: random with the fake host, 5080 otherwise)
          --provider P      sunbay (default) or cm: CM.com's MerchantAPI (`--provider cm --help` for its commands)
          -h, --help        this text, or a command's own help after the command

        {Configuration}

        SUNBAY's go-live checklist, a local fake SUNBAY cloud and test webhooks are in the `sunbay` tool
        (dotnet tool install --global Sunbay.Client.Cli; see src/Sunbay.Cli/README.md).

        Exit codes: 0 done, 1 failed, 2 declined, 64 bad arguments, 78 bad configuration.
        """;

    public const string SaleUsage = $"""
        sale (default): pushes a sale to the terminal, waits for the cardholder, then refunds it in full.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- [sale] [--amount N] [--currency XXX] [--terminal SN] [--webhooks]

        Options:
          --amount N        amount in minor units (default 1000 = 10.00); sandbox amounts such as 9823 are declined
          --currency XXX    ISO 4217 currency (default USD)
          --terminal SN     terminal serial number (default: Sunbay__TerminalSn)
          --webhooks        host a webhook receiver in this process (Kestrel on 127.0.0.1) with MapSunbayWebhooks, send
                            its URL as notifyUrl, and let the verified webhook complete the wait instead of polling.
                            The sample prints whether the webhook or a poll completed each transaction.
          --webhook-port N  local port of the receiver (default: random with the fake host, 5080 otherwise)

        {WebhookConfiguration}

        {Configuration}
        """;

    public string Command { get; private init; } = "sale";

    /// <summary>The amount given with <c>--amount</c>, or <see langword="null"/> for the command's default.</summary>
    public long? AmountOption { get; private init; }

    /// <summary>The amount of every command.</summary>
    public long Amount => AmountOption ?? 1000;

    /// <summary>The currency given with <c>--currency</c>, or <see langword="null"/> for the provider's default.</summary>
    public string? CurrencyOption { get; private init; }

    /// <summary>The currency of every command: USD for SUNBAY, EUR for CM.com (a European acquirer) unless given.</summary>
    public string Currency => CurrencyOption ?? (Provider == Cm ? "EUR" : "USD");

    /// <summary><see cref="Sunbay"/> or <see cref="Cm"/>.</summary>
    public string Provider { get; private init; } = Sunbay;

    /// <summary>CM.com's cancel: wait until the card was presented first, to show CM.com's 409.</summary>
    public bool Late { get; private init; }

    public long Tip { get; private init; } = 200;

    public string? Terminal { get; private init; }

    public bool Webhooks { get; private init; }

    public int? WebhookPort { get; private init; }

    public bool Help { get; private init; }

    /// <summary>The help text of <see cref="Command"/> (the general help for commands without their own).</summary>
    public string HelpText => Command == "neutral" && _commandGiven ? NeutralCommand.Usage : Provider == Cm ? CmComUsage.Text : Command switch
    {
        "sale" when _commandGiven => SaleUsage,
        _ when _commandGiven => CommandUsage(Command),
        _ => Usage,
    };

    private bool _commandGiven;

    /// <summary>Parses <paramref name="args"/>; returns an error to show when they are wrong.</summary>
    public static (SampleArguments? Arguments, string? Error) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? command = null;
        long? amount = null;
        long tip = 200;
        string? currency = null;
        string provider = Sunbay;
        string? terminal = null;
        int? webhookPort = null;
        bool help = false, webhooks = false, late = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value.");
            try
            {
                switch (arg)
                {
                    case "-h" or "--help" or "help" or "-?":
                        help = true;
                        break;
                    case "--amount":
                        amount = long.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        if (amount == 0)
                        {
                            return (null, "--amount must be at least 1 (minor units, e.g. --amount 100 for 1.00).");
                        }

                        break;
                    case "--tip":
                        tip = long.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--currency":
                        currency = Next().ToUpperInvariant();
                        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
                        {
                            return (null, $"--currency {currency}: give a three-letter ISO 4217 code such as USD.");
                        }

                        break;
                    case "--terminal":
                        terminal = Next();
                        break;
                    case "--provider":
                        provider = Next().ToLowerInvariant();
                        if (provider is not (Sunbay or Cm))
                        {
                            return (null, $"--provider {provider}: give sunbay (the default) or cm (CM.com's MerchantAPI).");
                        }

                        break;
                    case "--late":
                        late = true;
                        break;
                    case "--webhooks":
                        webhooks = true;
                        break;
                    case "--webhook-port":
                        var port = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        if (port is < 1 or > 65535)
                        {
                            return (null, $"--webhook-port {port}: give a TCP port between 1 and 65535.");
                        }

                        webhookPort = port;
                        break;
                    case var name when Commands.Any(c => c.Name == name) || CmComUsage.Commands.Any(c => c.Name == name):
                        if (command is not null && command != name)
                        {
                            return (null, $"Two commands given ('{command}' and '{name}'): run one at a time. Run with --help to see them.");
                        }

                        command = name;
                        break;
                    default:
                        return (null, arg.StartsWith('-')
                            ? $"Unknown option '{arg}'. Run with --help to see the options."
                            : $"Unknown command '{arg}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}. Run with --help for details.");
                }
            }
            catch (FormatException ex)
            {
                return (null, $"{arg}: {ex.Message} Numbers are whole and positive; amounts are minor units, e.g. --amount 1050 for 10.50.");
            }
            catch (OverflowException)
            {
                return (null, $"{arg}: the number is too large.");
            }
        }

        if (CheckProvider(provider, command, webhooks, late) is { } mismatch)
        {
            return (null, mismatch);
        }

        return (new SampleArguments
        {
            Command = command ?? "sale",
            _commandGiven = command is not null,
            AmountOption = amount,
            CurrencyOption = currency,
            Provider = provider,
            Late = late,
            Tip = tip,
            Terminal = terminal,
            Webhooks = webhooks,
            WebhookPort = webhookPort,
            Help = help,
        }, null);
    }

    /// <summary>A command or option of one provider given with the other, or null.</summary>
    private static string? CheckProvider(string provider, string? command, bool webhooks, bool late)
    {
        if (provider == Cm)
        {
            return command is not null && !CmComUsage.Commands.Any(c => c.Name == command)
                ? $"'{command}' is a SUNBAY command. With --provider cm the commands are: {string.Join(", ", CmComUsage.Commands.Select(c => c.Name))}."
                : webhooks ? "--webhooks is SUNBAY's: CM.com has no webhooks (the sample reads the transaction until it is final)." : null;
        }

        return command == "cancel" ? "'cancel' is a CM.com command (--provider cm cancel); SUNBAY's is 'abort'."
            : late ? "--late belongs to the CM.com cancel (--provider cm cancel --late)." : null;
    }

    private static string CommandUsage(string command) => $"""
        {command}: {Commands.First(c => c.Name == command).Summary}.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- {command} [--amount N] [--currency XXX] [--terminal SN]{(command == "tip-adjust" ? " [--tip N]" : string.Empty)}

        Options:
          --amount N        amount in minor units (default 1000 = 10.00); 9823 shows a decline
          --currency XXX    ISO 4217 currency (default USD)
          --terminal SN     terminal serial number (default: Sunbay__TerminalSn){(command == "tip-adjust" ? "\n  --tip N           the new tip in minor units (default 200)" : string.Empty)}

        {Configuration}
        """;
}
