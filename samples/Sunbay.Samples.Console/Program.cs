using Microsoft.Extensions.Configuration;
using Sunbay.Samples.Console;

// Settings: appsettings.json next to the sample, then environment variables (Sunbay__ApiKey, ...), which win.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await SampleApp.RunAsync(args, configuration, ConsoleUi.ForConsole(), fake: null, cancellation.Token);
