using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.CmCom;

namespace Sunbay.Samples.Tests;

/// <summary>
/// The console sample's <c>--provider cm</c> flow and its lost-answer recovery against a MerchantAPI that is not the
/// SDK's fake (<see cref="IndependentMerchantApi"/>: written from CM.com's guide, reading it where the fake reads it
/// otherwise), the sample run as its own process and configured only through the environment variables
/// <c>CmCom__ApiKey</c>, <c>CmCom__BaseAddress</c> and <c>CmCom__Terminal</c>, as a user would run it.
/// </summary>
public sealed class CmComIndependentServerTests
{
    [Fact]
    public async Task The_sample_sells_and_refunds_against_an_independent_merchant_api_configured_by_environment_only()
    {
        await using var api = await IndependentMerchantApi.StartAsync();

        // The guide's other spelling of the terminal: P2Lite, where the server lists P2lite.
        var (exitCode, output) = await RunSampleAsync(api, IndependentMerchantApi.TerminalId.Replace("P2lite", "P2Lite", StringComparison.Ordinal));

        Assert.True(exitCode == 0, output);
        Assert.Contains("✔ Purchase approved.", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(IndependentMerchantApi.ApiKey, output, StringComparison.Ordinal);
        var transactions = api.Transactions;
        Assert.Equal(2, transactions.Count);
        Assert.All(transactions, t => Assert.Matches("^[0-9]{31}$", (string?)t["id"]));
        Assert.Equal((string?)transactions[0]["id"], (string?)transactions[1]["reference"]!["id"]);

        // Approved while AUTHORIZED: the sample did not wait for a clearing that comes hours later.
        Assert.All(transactions, t => Assert.Equal("AUTHORIZED", (string?)t["status"]));
    }

    [Fact]
    public async Task A_lost_answer_is_recovered_from_the_terminals_paged_list_and_never_posted_twice()
    {
        await using var api = await IndependentMerchantApi.StartAsync(dropFirstPost: true);

        var (exitCode, output) = await RunSampleAsync(api, IndependentMerchantApi.TerminalId);

        Assert.True(exitCode == 0, output);
        Assert.Contains("The answer was lost", output, StringComparison.Ordinal);
        Assert.Contains("reconciled: CM.com has it", output, StringComparison.Ordinal);
        Assert.Contains("✔ Refund approved.", output, StringComparison.Ordinal);
        Assert.Equal(2, api.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)));
        Assert.Contains(api.Requests, r => r.StartsWith($"GET /terminals/{IndependentMerchantApi.TerminalId}/transactions?", StringComparison.Ordinal));
        Assert.Equal(2, api.Transactions.Count);
    }

    [Fact]
    public async Task The_client_reads_every_page_of_the_key_overview_and_keeps_numeric_ids_as_text()
    {
        await using var api = await IndependentMerchantApi.StartAsync();
        api.KeyCount = 150;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CmCom:ApiKey"] = IndependentMerchantApi.ApiKey,
            ["CmCom:BaseAddress"] = api.BaseAddress.ToString(),
            ["CmCom:Terminal"] = IndependentMerchantApi.TerminalId,
        }).Build();
        await using var services = new ServiceCollection().AddCmComClient(configuration.GetSection("CmCom")).Services.BuildServiceProvider();
        var client = services.GetRequiredService<ICmComClient>();

        var keys = await client.ListApiKeysAsync();
        var started = await client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = "inv2112280004", Amount = 98.75m, Currency = "EUR" });
        var read = await client.GetTransactionAsync(started.Id);
        var totals = await client.GetDayTotalsAsync();

        Assert.Equal(150, keys.Count);
        Assert.Equal(2, api.Requests.Count(r => r.StartsWith("GET /apikeys", StringComparison.Ordinal)));
        Assert.Matches("^[0-9]{31}$", started.Id);
        Assert.Equal(started.Id, read.Id);
        Assert.Equal("DAY TOTALS\n", totals.Receipt);
    }

    /// <summary>Runs the sample's built program in a process of its own, with the CM.com settings in its environment only.</summary>
    private static async Task<(int ExitCode, string Output)> RunSampleAsync(IndependentMerchantApi api, string terminal)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Sunbay.Samples.Console.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { "exec", sample, "--provider", "cm" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CmCom__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Sunbay__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["CmCom__ApiKey"] = IndependentMerchantApi.ApiKey;
        start.Environment["CmCom__BaseAddress"] = api.BaseAddress.ToString();
        start.Environment["CmCom__Terminal"] = terminal;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample did not end within 90 s:{Environment.NewLine}{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
