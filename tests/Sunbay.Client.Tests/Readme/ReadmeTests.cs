using System.Text.RegularExpressions;

namespace Sunbay.Client.Tests.Readme;

/// <summary>The README's C# snippets are the ones <see cref="ReadmeSnippets"/> compiles.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Every_csharp_snippet_of_the_readme_is_compiled_verbatim()
    {
        var readme = File.ReadAllText(Support.RepositoryPaths.Of("README.md"));
        // The "Testing your app" recipes need a web app, or a project that sees no internals: they are compiled and run
        // in their own tests.
        var compiled = Normalize(File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.Tests", "Readme", "ReadmeSnippets.cs"))
            + "\n" + File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.Tests", "Readme", "ReadmeCmComSnippets.cs"))
            + "\n" + File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.Tests", "Durability", "ReadmeDurabilitySnippets.cs"))
            + "\n" + File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.AspNetCore.Tests", "Testing", "CheckoutAppTests.cs"))
            + "\n" + File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.Testing.Tests", "ModelFactoryTests.cs"))
            + "\n" + File.ReadAllText(Support.RepositoryPaths.Of("tests", "Sunbay.Client.ExampleProvider", "ReadmeProviderSnippets.cs")));
        var snippets = Snippet().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        Assert.True(snippets.Count >= 8, $"expected the README's snippets, found {snippets.Count}");
        for (var i = 0; i < snippets.Count; i++)
        {
            Assert.True(compiled.Contains(Normalize(snippets[i]), StringComparison.Ordinal), $"README snippet {i} is not in ReadmeSnippets.cs (edit both together):\n{snippets[i]}");
        }
    }

    private static string Normalize(string code) => Whitespace().Replace(code, " ").Trim();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
