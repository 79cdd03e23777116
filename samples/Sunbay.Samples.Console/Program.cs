using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.Testing;
using Sunbay.Samples.Console;

var (arguments, argumentError) = SampleArguments.Parse(args);
if (arguments is null)
{
    ConsoleUi.Failure(argumentError!);
    return ExitCodes.BadArguments;
}

if (arguments.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return ExitCodes.Ok;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var sunbaySection = builder.Configuration.GetSection("Sunbay");

// No API key configured: run against an embedded fake of the SUNBAY cloud and a terminal, so that the sample works
// on any machine without an account or a device.
FakeSunbayHost? fake = null;
if (string.IsNullOrWhiteSpace(sunbaySection["ApiKey"]))
{
    fake = FakeSunbayHost.Start();
    builder.Services.AddSunbayClient(fake.ConfigureClient);
    ConsoleUi.Warning($"No Sunbay:ApiKey configured: using the embedded FakeSunbayHost at {fake.BaseAddress} (terminal {fake.Terminals.First().Sn}).");
}
else
{
    builder.Services.AddSunbayClient(sunbaySection);
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    using var host = builder.Build();
    await host.StartAsync(cancellation.Token);
    var scenarios = new Scenarios(host.Services.GetRequiredService<ISunbayClient>(), arguments);
    return arguments.Command switch
    {
        "auth" => await scenarios.AuthAndCaptureAsync(cancellation.Token),
        "void" => await scenarios.SaleAndVoidAsync(cancellation.Token),
        "abort" => await scenarios.AbortAsync(cancellation.Token),
        "tip-adjust" => await scenarios.TipAdjustAsync(cancellation.Token),
        "batch-close" => await scenarios.BatchCloseAsync(cancellation.Token),
        "terminals" => await scenarios.ListTerminalsAsync(cancellation.Token),
        _ => await scenarios.SaleAndRefundAsync(cancellation.Token),
    };
}
catch (OptionsValidationException ex)
{
    ConsoleUi.Failure($"Configuration: {string.Join(" ", ex.Failures)}");
    return ExitCodes.BadConfiguration;
}
catch (SunbayValidationException ex)
{
    ConsoleUi.Failure($"{ex.Message} Fix the request (or the option) named there.");
    return ExitCodes.BadArguments;
}
catch (SunbayClockSkewException ex)
{
    ConsoleUi.Failure(ex.Message);
    return ExitCodes.Failed;
}
catch (SunbayApiException ex)
{
    ConsoleUi.Failure($"{ex.Message} Check the credentials and IDs in Sunbay:* settings; quote the traceId to SUNBAY support.");
    return ExitCodes.Failed;
}
catch (SunbayTransportException ex) when (ex.OutcomeUnknown)
{
    ConsoleUi.Failure($"{ex.Message} Run again with the same transactionRequestId only after a query shows it does not exist.");
    return ExitCodes.Failed;
}
catch (SunbayException ex)
{
    ConsoleUi.Failure(ex.Message);
    return ExitCodes.Failed;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    ConsoleUi.Warning("Cancelled. A transaction already pushed to the terminal goes on: query it by its transactionRequestId.");
    return ExitCodes.Failed;
}
finally
{
    if (fake is not null)
    {
        await fake.DisposeAsync();
    }
}
