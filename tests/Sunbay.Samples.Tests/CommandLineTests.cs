using Sunbay.Samples.Console;

namespace Sunbay.Samples.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("sale", "sale (default):")]
    [InlineData("void", "void:")]
    [InlineData("tip-adjust", "--tip N")]
    [InlineData("terminals", "terminals:")]
    public async Task Every_command_has_help(string command, string expected)
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), command, "-h");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golive_moved_to_the_sunbay_tool_and_help_says_where()
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.DoesNotContain(SampleArguments.Commands, c => c.Name == "golive");
        Assert.Contains("Sunbay.Client.Cli", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task General_help_lists_every_command()
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.All(SampleArguments.Commands, c => Assert.Contains($"  {c.Name} ", output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("refnud", "Unknown command 'refnud'")]
    [InlineData("--amount", "--amount needs a value")]
    [InlineData("--amount", "1.50", "Numbers are whole")]
    public async Task Wrong_arguments_say_what_to_fix(params string[] argsAndMessage)
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?>(), argsAndMessage[..^1]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains(argsAndMessage[^1], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_setting_names_its_environment_variable()
    {
        var (exitCode, output) = await SampleRun.RunAsync(fake: null, new Dictionary<string, string?> { ["Sunbay:ApiKey"] = "sk_test_x" }, "terminals");

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Sunbay__AppId", output, StringComparison.Ordinal);
        Assert.Contains("Sunbay__MerchantId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhooks_against_a_real_environment_need_a_notify_url()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sunbay:ApiKey"] = "sk_test_x",
            ["Sunbay:AppId"] = "test_app",
            ["Sunbay:MerchantId"] = "M0000000001",
            ["Sunbay:Environment"] = "Sandbox",
        };

        var (exitCode, output) = await SampleRun.RunAsync(fake: null, settings, "--webhooks");

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Sunbay__NotifyUrl is not set", output, StringComparison.Ordinal);
    }
}
