using System.Net.Http.Headers;
using System.Reflection;

namespace Sunbay.Client.Http;

/// <summary>
/// <c>User-Agent: Sunbay.Client/{version} (.NET {version})</c>, built only from tokens that are valid by construction.
/// SUNBAY's own SDK puts the OS name into the header and crashes on Debian ("Debian GNU/Linux"): a header must never be
/// able to break a client. The product is the assembly that compiles this file (the CM.com package compiles it as linked
/// source: <c>Sunbay.Client.CmCom/{version}</c>).
/// </summary>
internal static class SunbayUserAgent
{
    public static ProductInfoHeaderValue Product { get; } = new(typeof(SunbayUserAgent).Assembly.GetName().Name ?? "Sunbay.Client", SdkVersion);

    public static ProductInfoHeaderValue Runtime { get; } = new($"(.NET {Environment.Version.ToString(3)})");

    /// <summary>Both tokens as one header value, built once.</summary>
    public static string HeaderValue { get; } = $"{Product} {Runtime}";

    public static string SdkVersion
    {
        get
        {
            var informational = typeof(SunbayUserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            var version = informational?.Split('+')[0];
            return string.IsNullOrEmpty(version) || !version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? "0.0.0" : version;
        }
    }
}
