namespace Sunbay.Client.Validation;

/// <summary>
/// The rule of every address the SDK calls or hands out: absolute http or https, https unless the host is a loopback
/// address (a local fake). <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> alone is not enough: on Linux and macOS
/// it reads a path such as <c>/webhooks/sunbay</c> as the absolute URI <c>file:///webhooks/sunbay</c>, and it accepts
/// any scheme (<c>javascript:alert(1)</c>). Provider-neutral: every provider package builds on it.
/// </summary>
internal static class AddressRule
{
    /// <summary>What is wrong with <paramref name="value"/> as an address, or <see langword="null"/> when it is fine.</summary>
    /// <param name="value">The address as written.</param>
    /// <param name="example">A valid address for the message.</param>
    public static string? Problem(string value, string example)
    {
        // A loop, not LINQ over the string: this runs while a client is built, and Enumerable's code over char would be
        // compiled for it at start-up.
        foreach (var c in value)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return "must not contain white space or control characters";
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            return $"must be an absolute http or https URL such as {example} (a path, a file URI or another scheme is not allowed)";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return "must use https (plain http is allowed only to a loopback address, for a local fake)";
        }

        return null;
    }
}
