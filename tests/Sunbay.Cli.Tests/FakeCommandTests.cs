using System.Text;
using Sunbay.Cli.Commands;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;

namespace Sunbay.Cli.Tests;

/// <summary>
/// <c>sunbay fake --provider cm</c>: a fake CM.com MerchantAPI on loopback that prints the <c>CmCom__*</c> settings, and a
/// client pointed at them takes a payment through the neutral API; Ctrl+C stops it with what it recorded.
/// </summary>
public sealed class FakeCommandTests
{
    [Fact]
    public async Task Fake_provider_cm_serves_CM_com_at_the_settings_it_prints_until_stopped()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = new WatchingWriter(FakeCommand.CmComListeningPrefix);
        var run = SunbayCli.RunAsync(["fake", "--provider", "cm", "--port", "0", "--card-delay", "0.05"], CliRun.Configuration(new Dictionary<string, string?>()), new ConsoleUi(output, interactive: false), fake: null, stop.Token);

        await output.Seen.WaitAsync(stop.Token);
        var printed = output.ToString();
        var export = printed.Split('\n').Single(l => l.Contains("export CmCom__BaseAddress=", StringComparison.Ordinal));
        var settings = export.Trim()["export ".Length..].Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        using var client = new CmComClient(new CmComClientOptions
        {
            BaseAddress = new Uri(settings["CmCom__BaseAddress"]),
            ApiKey = settings["CmCom__ApiKey"],
            Terminal = settings["CmCom__Terminal"],
            Polling = { InitialInterval = TimeSpan.FromMilliseconds(50) },
        });
        var payment = await client.AsCardPayments().StartPaymentAsync(new CardPaymentRequest { Amount = new Money(3m, "EUR"), MerchantReference = "CLI-FAKE-01" }, stop.Token);
        var paid = await payment.WaitForCompletionAsync(stop.Token);
        await stop.CancelAsync();
        var exitCode = await run;

        Assert.Equal(0, exitCode);
        Assert.Equal("cm", settings["CardPayments__Provider"]);
        Assert.True(paid.IsApproved, paid.ToString());
        Assert.Contains("Stopped. It recorded 1 transaction(s)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fake_refuses_an_unknown_provider()
    {
        var (exitCode, output) = await CliRun.RunAsync(fake: null, new Dictionary<string, string?>(), "fake", "--provider", "adyen");

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("adyen", output, StringComparison.Ordinal);
    }

    /// <summary>Keeps what is written and completes <see cref="Seen"/> once a line holds the text awaited (no polling).</summary>
    private sealed class WatchingWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
