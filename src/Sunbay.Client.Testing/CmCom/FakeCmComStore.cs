namespace Sunbay.Client.Testing;

/// <summary>A store of the fake CM.com customer: listed by <c>GET /stores</c> and named in processed transactions.</summary>
public sealed class FakeCmComStore
{
    internal FakeCmComStore(string uuid, string name)
    {
        Uuid = uuid;
        Name = name;
    }

    /// <summary>The store's <c>uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary>The store's <c>name</c>.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Store {Name} ({Uuid})";
}
