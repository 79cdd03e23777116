namespace Sunbay.Client.DependencyInjection;

/// <summary>The names registered with <c>AddSunbayClient</c>, so that a typo in a name fails with a clear message.</summary>
internal sealed class ClientRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public bool Add(string name)
    {
        lock (_names)
        {
            return _names.Add(name);
        }
    }

    public bool Contains(string name)
    {
        lock (_names)
        {
            return _names.Contains(name);
        }
    }
}
