using Microsoft.Extensions.Configuration;
using Sunbay.Cli;
using Sunbay.Client.Testing;

namespace Sunbay.Cli.Tests;

/// <summary>Runs the <c>sunbay</c> command line in process and keeps what it printed.</summary>
internal static class CliRun
{
    /// <summary>A fake whose terminal reads the card at once and whose webhook retries are quick.</summary>
    public static FakeSunbayHost StartFake(int cardPresentDelayMs = 20) => FakeSunbayHost.Start(new FakeSunbayHostOptions
    {
        CardPresentDelay = TimeSpan.FromMilliseconds(cardPresentDelayMs),
        WebhookMaxAttempts = 2,
        WebhookRetryDelay = TimeSpan.FromMilliseconds(20),
    });

    /// <summary>Polls often, so that a run without webhooks is quick too.</summary>
    public static Dictionary<string, string?> FastPolling() => new()
    {
        ["Sunbay:Polling:InitialInterval"] = "00:00:00.020",
        ["Sunbay:Polling:Jitter"] = "0",
    };

    /// <summary>The settings <c>sunbay fake</c> prints, for <paramref name="fake"/>.</summary>
    public static Dictionary<string, string?> PointedAt(FakeSunbayHost fake)
    {
        var settings = FastPolling();
        settings["Sunbay:BaseAddress"] = fake.BaseAddress.ToString();
        settings["Sunbay:ApiKey"] = fake.ApiKey;
        settings["Sunbay:AppId"] = fake.AppId;
        settings["Sunbay:MerchantId"] = fake.MerchantId;
        settings["Sunbay:TerminalSn"] = "FAKE-T1";
        return settings;
    }

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public static async Task<(int ExitCode, string Output)> RunAsync(FakeSunbayHost? fake, IDictionary<string, string?> settings, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new StringWriter();
        var exitCode = await SunbayCli.RunAsync(args, Configuration(settings), new ConsoleUi(output, interactive: false), fake, timeout.Token);
        return (exitCode, output.ToString());
    }

    /// <summary>The checklist line of <paramref name="item"/>.</summary>
    public static string LineOf(string output, string item) =>
        output.Split('\n').Single(l => l.Length > 2 && l[0] is '✅' or '❌' or '⚪' && l[2..].StartsWith(item + " ", StringComparison.Ordinal));

    /// <summary>The mark of each checklist line, by item.</summary>
    public static Dictionary<string, char> Marks(string output) => new[]
    {
        GoLiveCheck.Credentials, GoLiveCheck.Sale, GoLiveCheck.SaleWebhook, GoLiveCheck.QueryConsistent,
        GoLiveCheck.Refund, GoLiveCheck.RefundWebhook, GoLiveCheck.Void, GoLiveCheck.BatchQuery,
    }.ToDictionary(item => item, item => LineOf(output, item)[0]);
}
