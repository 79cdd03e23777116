using Microsoft.Extensions.Configuration;
using Sunbay.Cli;

// Settings: appsettings.json in the current folder, then environment variables (Sunbay__ApiKey, ...), which win.
var configuration = new ConfigurationBuilder()
    .SetBasePath(Directory.GetCurrentDirectory())
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

return await SunbayCli.RunAsync(args, configuration, ConsoleUi.ForConsole(), fake: null);
