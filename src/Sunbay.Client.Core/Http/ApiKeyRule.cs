namespace Sunbay.Client.Http;

/// <summary>The one rule every provider's API key follows: it must fit into an HTTP header as it is.</summary>
internal static class ApiKeyRule
{
    /// <summary>Whether <paramref name="key"/> can go into an HTTP header: printable ASCII only, no white space.</summary>
    /// <remarks>A plain loop: checked on every request, and LINQ over a string would allocate an enumerator each time and JIT its generic code over <see cref="char"/> at start-up.</remarks>
    public static bool IsSendable(string key)
    {
        foreach (var c in key)
        {
            if (c is <= ' ' or >= '\u007f')
            {
                return false;
            }
        }

        return key.Length > 0;
    }
}
