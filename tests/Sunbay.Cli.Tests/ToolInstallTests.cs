extern alias Sample;

using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Sunbay.Cli.Commands;
using SampleApp = Sample::Sunbay.Samples.Console.SampleApp;
using SampleConsole = Sample::Sunbay.CommandLine.ConsoleUi;
using SampleExitCodes = Sample::Sunbay.CommandLine.ExitCodes;

namespace Sunbay.Cli.Tests;

/// <summary>
/// What a user does: pack the tool into a local folder feed, <c>dotnet tool install</c> it from there, run
/// <c>sunbay fake</c>, and point the console sample at the address and settings it prints: sale, then refund.
/// Slow-ish (a pack and an install, 10-30 s); the one test that runs the packaged tool as its own process.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class ToolInstallTests
{
    [Fact]
    public async Task Installed_tool_serves_a_fake_the_console_sample_completes_a_sale_and_refund_on()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var work = Path.Combine(Path.GetTempPath(), "sunbay-tool-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        Process? fake = null;
        try
        {
            // The tool was built with this test project (a project reference): pack it as it is, into a folder feed.
            var configuration = typeof(ToolInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            await RunAsync("dotnet", ["pack", Path.Combine(Root, "src", "Sunbay.Cli", "Sunbay.Cli.csproj"), "-c", configuration, "--no-build", "-o", feed, "-nologo", "-v:q", "-nodeReuse:false"], limit.Token);
            Assert.Single(Directory.GetFiles(feed, "Sunbay.Client.Cli.*"), f => f.EndsWith(".nupkg", StringComparison.Ordinal));
            await RunAsync("dotnet", ["tool", "install", "Sunbay.Client.Cli", "--tool-path", tools, "--add-source", feed], limit.Token);

            fake = Start(Path.Combine(tools, OperatingSystem.IsWindows() ? "sunbay.exe" : "sunbay"), ["fake", "--port", "0", "--card-delay", "0.05"]);
            var printed = await ReadUntilListeningAsync(fake, limit.Token);
            string Value(string label) => printed.Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal)).Trim()[label.Length..].Trim();
            var listening = printed.Single(l => l.Contains(FakeCommand.ListeningPrefix, StringComparison.Ordinal));
            var address = listening[(listening.IndexOf(FakeCommand.ListeningPrefix, StringComparison.Ordinal) + FakeCommand.ListeningPrefix.Length)..].Split(' ')[0];

            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sunbay:BaseAddress"] = address,
                ["Sunbay:ApiKey"] = Value("API key"),
                ["Sunbay:AppId"] = Value("App id"),
                ["Sunbay:MerchantId"] = Value("Merchant id"),
                ["Sunbay:TerminalSn"] = Value("Terminal"),
                ["Sunbay:Polling:InitialInterval"] = "00:00:00.050",
            }).Build();
            using var output = new StringWriter();
            var exitCode = await SampleApp.RunAsync([], settings, new SampleConsole(output, interactive: false), fake: null, limit.Token);

            var text = output.ToString();
            Assert.True(exitCode == SampleExitCodes.Ok, text);
            Assert.Contains($"a local server at {address} (such as `sunbay fake`), not SUNBAY", text, StringComparison.Ordinal);
            Assert.Contains("Sale approved.", text, StringComparison.Ordinal);
            Assert.Contains("Refund approved.", text, StringComparison.Ordinal);
        }
        finally
        {
            if (fake is not null)
            {
                if (!fake.HasExited)
                {
                    fake.Kill(entireProcessTree: true);
                }

                await fake.WaitForExitAsync(CancellationToken.None);
                fake.Dispose();
            }

            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sunbay.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Sunbay.Client.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Reads the tool's output up to its "listening" line; fails with what it printed when it exits first.</summary>
    private static async Task<List<string>> ReadUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
            if (line.Contains("Webhook secret", StringComparison.Ordinal))
            {
                return lines; // the settings are printed in one go, the secret last of them
            }
        }

        throw new InvalidOperationException($"sunbay fake exited ({process.ExitCode}) before it was listening:\n{string.Join('\n', lines)}\n{await process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    private static Process Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs inside an MSBuild/VSTest environment; a nested dotnet must not inherit it.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a standard place: use this one's.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        }

        start.Environment.Remove("Sunbay__ApiKey"); // `sunbay fake` needs no settings; none from this machine may leak in
        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        using var process = Start(file, args);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
