namespace Sunbay.Client.Http;

/// <summary>The one rule every provider's API key follows: it must fit into an HTTP header as it is.</summary>
internal static class ApiKeyRule
{
    /// <summary>Whether <paramref name="key"/> can go into an HTTP header: printable ASCII only, no white space.</summary>
    public static bool IsSendable(string key) => key.Length > 0 && key.All(c => c is > ' ' and < '\u007f');
}
