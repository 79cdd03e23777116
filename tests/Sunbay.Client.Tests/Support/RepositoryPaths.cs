namespace Sunbay.Client.Tests.Support;

/// <summary>
/// Files of the repository, found from the test binaries upwards. Not from [CallerFilePath]: CI builds are
/// deterministic (ContinuousIntegrationBuild), which maps source paths to /_/.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

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
}
