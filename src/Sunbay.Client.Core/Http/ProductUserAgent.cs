using System.Net.Http.Headers;
using System.Reflection;

namespace Sunbay.Client.Http;

/// <summary>
/// <c>User-Agent: Sunbay.Client/{version} (.NET {version})</c>, built only from tokens that are valid by construction.
/// SUNBAY's own SDK puts the OS name into the header and crashes on Debian ("Debian GNU/Linux"): a header must never be
/// able to break a client. The product is the provider package whose pipeline sends (<c>Sunbay.Client/{version}</c>,
/// <c>Sunbay.Client.CmCom/{version}</c>), not the core.
/// </summary>
internal static class ProductUserAgent
{
    public static ProductInfoHeaderValue Runtime { get; } = new($"(.NET {Environment.Version.ToString(3)})");

    /// <summary>Both tokens as one header value; built once per pipeline.</summary>
    /// <param name="provider">The provider package's assembly.</param>
    public static string HeaderValueOf(Assembly provider) =>
        $"{new ProductInfoHeaderValue(provider.GetName().Name ?? "Sunbay.Client", SdkVersionOf(provider))} {Runtime}";

    /// <summary>The package version of <paramref name="assembly"/>, reduced to the characters a product token allows.</summary>
    /// <param name="assembly">A package's assembly.</param>
    public static string SdkVersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0];
        return string.IsNullOrEmpty(version) || !IsToken(version) ? "0.0.0" : version;
    }

    // A loop, not LINQ over the string: this runs while a client is built, and Enumerable's code over char would be
    // compiled for it at start-up.
    private static bool IsToken(string version)
    {
        foreach (var c in version)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
