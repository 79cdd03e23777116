using System.Collections.Concurrent;

namespace Sunbay.Client.CmCom.Http;

/// <summary>
/// The client's own knowledge of API keys: the key it switched to during a rotation (sent instead of the configured
/// one while the configuration still holds the key it replaced, so a rotation needs neither a restart nor a reload in
/// time), and the ids of the keys it created (CM.com's list shows ids, never keys, so these are the only keys whose id
/// the client can know).
/// </summary>
internal sealed class ApiKeySwitch
{
    private readonly ConcurrentDictionary<string, long> _created = new(StringComparer.Ordinal);
    private Switched? _switched;

    /// <summary>The key switched to, while it is in effect or could be again (for masking); null when none.</summary>
    public string? SwitchedKey => Volatile.Read(ref _switched)?.Key;

    /// <summary>The key to send when <paramref name="configured"/> is configured.</summary>
    /// <remarks>
    /// The switched key wins only while the configuration still holds the key it replaced: once the configuration changes
    /// (to the new key, as the application stored it, or to any other), the configuration is the truth again.
    /// </remarks>
    public string? KeyFor(string? configured) =>
        Volatile.Read(ref _switched) is { } switched && string.Equals(switched.Replaced, configured, StringComparison.Ordinal)
            ? switched.Key
            : configured;

    /// <summary>From now on, send <paramref name="key"/> while the configuration holds <paramref name="replaced"/>.</summary>
    public void SwitchTo(string key, string? replaced) => Volatile.Write(ref _switched, new Switched(key, replaced));

    /// <summary>Remembers the id of a key this client created.</summary>
    public void Remember(string key, long id) => _created[key] = id;

    /// <summary>The id of <paramref name="key"/> when this client created it; null when it cannot know.</summary>
    public long? IdOf(string? key) => key is not null && _created.TryGetValue(key, out var id) ? id : null;

    private sealed record Switched(string Key, string? Replaced);
}
