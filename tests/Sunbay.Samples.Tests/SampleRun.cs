using Microsoft.Extensions.Configuration;
using Sunbay.Client.Testing;
using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

/// <summary>Runs the sample's command line against a fake host and keeps what it printed.</summary>
internal static class SampleRun
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
        ["Sunbay:Polling:NotReceivedAfter"] = "00:00:00.300",
    };

    public static IConfiguration Configuration(IDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>A fake CM.com on loopback whose terminal picks up and reads the card at once.</summary>
    public static FakeCmComHost StartCmComFake() => FakeCmComHost.Start(new FakeCmComHostOptions
    {
        PickUpDelay = TimeSpan.FromMilliseconds(20),
        CardPresentDelay = TimeSpan.FromMilliseconds(20),
        AuthorizationDelay = TimeSpan.FromMilliseconds(20),
        ClearingDelay = TimeSpan.FromMilliseconds(20),
    });

    /// <summary>Polls CM.com often, so that a run is quick.</summary>
    public static Dictionary<string, string?> FastCmComPolling() => new()
    {
        ["CmCom:Polling:InitialInterval"] = "00:00:00.020",
        ["CmCom:Polling:Jitter"] = "0",
        ["CmCom:Polling:NotReceivedAfter"] = "00:00:00.300",
    };

    public static Task<(int ExitCode, string Output)> RunAsync(FakeSunbayHost? fake, IDictionary<string, string?> settings, params string[] args) =>
        RunAsync(fake, cmFake: null, settings, args);

    public static async Task<(int ExitCode, string Output)> RunAsync(FakeSunbayHost? fake, FakeCmComHost? cmFake, IDictionary<string, string?> settings, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new StringWriter();
        var exitCode = await SampleApp.RunAsync(args, Configuration(settings), new ConsoleUi(output, interactive: false), fake, cmFake, timeout.Token);
        return (exitCode, output.ToString());
    }
}
