using Microsoft.Extensions.Configuration;
using Sunbay.Cli;

// Settings: appsettings.json in the current folder, then environment variables (Sunbay__ApiKey, ...), which win.
var configuration = new ConfigurationBuilder()
    .SetBasePath(Directory.GetCurrentDirectory())
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

// Ctrl+C (and SIGTERM) stop the command through its token, so that `sunbay fake` shuts down cleanly and says so.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await SunbayCli.RunAsync(args, configuration, ConsoleUi.ForConsole(), fake: null, stop.Token);
