using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Sunbay.Client.Tests.Packaging;

/// <summary>
/// Packs the shipped projects once (<c>dotnet pack -c Release</c> of <c>Sunbay.Client.Packages.slnf</c>, one invocation,
/// about 30-60 s on two cores) and inspects each .nupkg: license, readme, repository, symbols and, above all, that the
/// dependency groups hold only the intended packages per target framework.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests : IClassFixture<PackagingTests.PackedPackages>
{
    private static readonly string[] NeverADependency = ["NSwag", "xunit", "Microsoft.NET.Test.Sdk", "BenchmarkDotNet", "Stripe.net", "PublicApiGenerator", "Microsoft.Extensions.TimeProvider.Testing", "Microsoft.Extensions.Diagnostics.Testing", "WireMock"];
    private readonly PackedPackages _packages;

    public PackagingTests(PackedPackages packages) => _packages = packages;

    [Theory]
    [InlineData("Sunbay.Client.Core")]
    [InlineData("Sunbay.Client")]
    [InlineData("Sunbay.Client.AspNetCore")]
    [InlineData("Sunbay.Client.Testing")]
    [InlineData("Sunbay.Client.Redis")]
    [InlineData("Sunbay.Client.CmCom")]
    public void Package_has_license_readme_repository_and_symbols(string id)
    {
        var package = _packages.Get(id);
        var metadata = package.Metadata;
        var license = metadata.Element(package.Ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", (string?)metadata.Element(package.Ns + "readme"));
        Assert.Contains("README.md", package.Files);
        AssertOwnReadme(package, id);
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(package.Ns + "description")));

        // SourceLink: the repository type and commit always; the URL only when the clone has a hosted remote.
        var repository = metadata.Element(package.Ns + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
        if (_packages.HasGitRemote)
        {
            Assert.False(string.IsNullOrEmpty((string?)repository.Attribute("url")));
        }

        Assert.True(File.Exists(Path.ChangeExtension(package.Path, ".snupkg")), $"{id}: no .snupkg next to {package.Path}");
        Assert.Contains($"lib/net8.0/{id}.dll", package.Files);
        Assert.Contains($"lib/net10.0/{id}.dll", package.Files);
        Assert.Contains($"lib/net10.0/{id}.xml", package.Files);
    }

    [Theory]
    [InlineData("Sunbay.Client.Core", "net8.0", "Microsoft.Extensions.DependencyInjection.Abstractions,Microsoft.Extensions.Hosting.Abstractions,Microsoft.Extensions.Http.Resilience,Microsoft.Extensions.Options.ConfigurationExtensions,System.Text.Json")]
    [InlineData("Sunbay.Client.Core", "net10.0", "Microsoft.Extensions.DependencyInjection.Abstractions,Microsoft.Extensions.Hosting.Abstractions,Microsoft.Extensions.Http.Resilience,Microsoft.Extensions.Options.ConfigurationExtensions")]
    [InlineData("Sunbay.Client", "net8.0", "Microsoft.Extensions.DependencyInjection.Abstractions,Microsoft.Extensions.Hosting.Abstractions,Microsoft.Extensions.Http.Resilience,Microsoft.Extensions.Options.ConfigurationExtensions,Sunbay.Client.Core,System.Text.Json")]
    [InlineData("Sunbay.Client", "net10.0", "Microsoft.Extensions.DependencyInjection.Abstractions,Microsoft.Extensions.Hosting.Abstractions,Microsoft.Extensions.Http.Resilience,Microsoft.Extensions.Options.ConfigurationExtensions,Sunbay.Client.Core")]
    [InlineData("Sunbay.Client.AspNetCore", "net8.0", "Microsoft.Extensions.Http,Microsoft.Extensions.Logging.Abstractions,Sunbay.Client,System.Diagnostics.DiagnosticSource")]
    [InlineData("Sunbay.Client.AspNetCore", "net10.0", "Sunbay.Client")]
    [InlineData("Sunbay.Client.Testing", "net8.0", "Sunbay.Client,Sunbay.Client.CmCom,System.Text.Json")]
    [InlineData("Sunbay.Client.Testing", "net10.0", "Sunbay.Client,Sunbay.Client.CmCom")]
    [InlineData("Sunbay.Client.Redis", "net8.0", "StackExchange.Redis,Sunbay.Client,System.IO.Hashing")]
    [InlineData("Sunbay.Client.Redis", "net10.0", "StackExchange.Redis,Sunbay.Client,System.IO.Hashing")]
    [InlineData("Sunbay.Client.CmCom", "net8.0", "Microsoft.Extensions.Logging.Abstractions,Microsoft.Extensions.Options.ConfigurationExtensions,Sunbay.Client.Core,System.Text.Json")]
    [InlineData("Sunbay.Client.CmCom", "net10.0", "Microsoft.Extensions.Logging.Abstractions,Microsoft.Extensions.Options.ConfigurationExtensions,Sunbay.Client.Core")]
    public void Dependencies_are_exactly_the_intended_packages(string id, string framework, string expected)
    {
        var package = _packages.Get(id);
        var groups = package.Metadata.Element(package.Ns + "dependencies")?.Elements(package.Ns + "group").ToList() ?? [];
        Assert.Equal(["net10.0", "net8.0"], groups.Select(g => NormalizeFramework((string?)g.Attribute("targetFramework"))).Order(StringComparer.Ordinal));
        var group = groups.Single(g => NormalizeFramework((string?)g.Attribute("targetFramework")) == framework);
        var dependencies = group.Elements(package.Ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Split(','), dependencies);
        Assert.DoesNotContain(dependencies, d => NeverADependency.Any(n => d.StartsWith(n, StringComparison.OrdinalIgnoreCase)));
        // Versions pinned only to satisfy other packages' restore (WireMock's, in the tests) must never reach users.
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal) || d == "Scriban.Signed");

        Assert.All(group.Elements(package.Ns + "dependency"), d => Assert.Equal("Build,Analyzers", (string?)d.Attribute("exclude")));
    }

    [Theory]
    [InlineData("Sunbay.Client", "Sunbay.Client.Core")]
    [InlineData("Sunbay.Client.CmCom", "Sunbay.Client.Core")]
    [InlineData("Sunbay.Client.Testing", "Sunbay.Client,Sunbay.Client.CmCom")]
    [InlineData("Sunbay.Client.AspNetCore", "")]
    [InlineData("Sunbay.Client.Redis", "")]
    public void A_package_that_uses_anothers_internals_depends_on_its_exact_version_and_no_other_is_pinned(string id, string pinned)
    {
        var package = _packages.Get(id);
        var version = (string)package.Metadata.Element(package.Ns + "version")!;
        var ours = package.Metadata.Descendants(package.Ns + "dependency")
            .Where(d => ((string)d.Attribute("id")!).StartsWith("Sunbay.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, d => Assert.Equal(
            pinned.Split(',').Contains((string)d.Attribute("id")!) ? $"[{version}]" : version,
            (string?)d.Attribute("version")));
    }

    [Fact]
    public void Cli_package_is_the_sunbay_dotnet_tool_with_everything_inside()
    {
        var package = _packages.Get("Sunbay.Client.Cli");
        var metadata = package.Metadata;
        Assert.Equal("DotnetTool", (string?)metadata.Element(package.Ns + "packageTypes")?.Element(package.Ns + "packageType")?.Attribute("name"));
        Assert.Equal("MIT", metadata.Element(package.Ns + "license")?.Value);
        Assert.Equal("README.md", (string?)metadata.Element(package.Ns + "readme"));
        AssertOwnReadme(package, "Sunbay.Client.Cli");
        Assert.Contains("tools/net8.0/any/DotnetToolSettings.xml", package.Files);
        Assert.Contains("tools/net8.0/any/sunbay.dll", package.Files);
        Assert.Contains("tools/net8.0/any/Sunbay.Client.dll", package.Files);
        Assert.Contains("tools/net8.0/any/Sunbay.Client.Testing.dll", package.Files);
        // A tool carries its dependencies inside: installing it pulls nothing else.
        Assert.Empty(metadata.Element(package.Ns + "dependencies")?.Descendants(package.Ns + "dependency") ?? []);
        using var zip = ZipFile.OpenRead(package.Path);
        using var settings = zip.GetEntry("tools/net8.0/any/DotnetToolSettings.xml")!.Open();
        Assert.Equal("sunbay", (string?)XDocument.Load(settings).Descendants("Command").Single().Attribute("Name"));
    }

    [Theory]
    [InlineData("Sunbay.Client.AspNetCore")]
    [InlineData("Sunbay.Client.Testing")] // Kestrel, for the fake's real-HTTP mode, instead of a web server package
    public void Package_references_the_shared_framework(string id)
    {
        var package = _packages.Get(id);
        var references = package.Metadata.Element(package.Ns + "frameworkReferences")?.Descendants(package.Ns + "frameworkReference").Select(r => (string?)r.Attribute("name")).Distinct().ToList();
        Assert.Equal(["Microsoft.AspNetCore.App"], references);
    }

    [Fact]
    public void Public_code_does_not_suppress_missing_documentation()
    {
        var root = Support.RepositoryPaths.Root;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".editorconfig", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", ".editorconfig", "Directory.Build.targets" }.Select(f => Path.Combine(root, f)).Where(File.Exists))
            .Where(f => File.ReadAllText(f).Contains("1591", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    /// <summary>The package's README is its own short one (src/&lt;project&gt;/README.md), not the repository's long guide.</summary>
    private static void AssertOwnReadme(Package package, string id)
    {
        using var zip = ZipFile.OpenRead(package.Path);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Assert.StartsWith($"# {id}", readme, StringComparison.Ordinal);
        Assert.True(readme.Length < 4096, $"{id}: README.md is {readme.Length} characters; a package's README is short and links to the full guide.");
        Assert.Contains("dotnet ", readme, StringComparison.Ordinal); // how to install it
    }

    private static string NormalizeFramework(string? framework) => framework switch
    {
        "net8.0" or ".NETCoreApp8.0" => "net8.0",
        "net10.0" or ".NETCoreApp10.0" => "net10.0",
        _ => framework ?? string.Empty,
    };

    /// <summary>Runs <c>dotnet pack</c> once for the whole class and reads every package's nuspec.</summary>
    public sealed class PackedPackages : IDisposable
    {
        private readonly string _output = Path.Combine(Path.GetTempPath(), "sunbay-pack-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, Package> _packages = new(StringComparer.Ordinal);

        public PackedPackages()
        {
            var root = Support.RepositoryPaths.Root;
            // SourceLink can only turn a hosted remote (https or ssh) into a URL; a clone of a local path has none to give.
            HasGitRemote = Run("git", "remote -v", root, out var remotes) == 0
                && (remotes.Contains("https://", StringComparison.Ordinal) || remotes.Contains("git@", StringComparison.Ordinal));
            var watch = Stopwatch.StartNew();
            var exit = Run("dotnet", $"pack tests/Sunbay.Client.Tests/Packaging/Sunbay.Client.Packages.slnf -c Release -o \"{_output}\" -nologo -v:q -nodeReuse:false -p:ContinuousIntegrationBuild=true", root, out var log); // own MSBuild nodes: on a shared machine another build may end a reused one
            PackDuration = watch.Elapsed;
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet pack failed ({exit}):{Environment.NewLine}{log}");
            }

            foreach (var path in Directory.EnumerateFiles(_output, "*.nupkg"))
            {
                using var zip = ZipFile.OpenRead(path);
                var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
                using var stream = nuspecEntry.Open();
                var nuspec = XDocument.Load(stream);
                var ns = nuspec.Root!.Name.Namespace;
                var metadata = nuspec.Root.Element(ns + "metadata")!;
                var id = (string)metadata.Element(ns + "id")!;
                _packages[id] = new Package(path, ns, metadata, zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal));
            }
        }

        public bool HasGitRemote { get; }

        public TimeSpan PackDuration { get; }

        public Package Get(string id) => _packages.TryGetValue(id, out var package)
            ? package
            : throw new InvalidOperationException($"No package {id} in {_output} (found {string.Join(", ", _packages.Keys)}; pack took {PackDuration.TotalSeconds:F0} s).");

        public void Dispose()
        {
            try
            {
                Directory.Delete(_output, recursive: true);
            }
            catch (IOException)
            {
            }
        }


        private static int Run(string file, string arguments, string directory, out string output)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The test host runs inside an MSBuild/VSTest environment; a nested build must not inherit it.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
            {
                start.Environment.Remove(key);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10))) // a hang guard: a cold Release pack of five packages on a busy 2-core machine takes minutes
            {
                process.Kill(entireProcessTree: true);
                output = "timed out";
                return -1;
            }

            output = stdout.Result + stderr.Result;
            return process.ExitCode;
        }
    }

    /// <summary>One packed .nupkg.</summary>
    public sealed record Package(string Path, XNamespace Ns, XElement Metadata, IReadOnlySet<string> Files);
}
