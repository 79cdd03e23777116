namespace Sunbay.Client.CmCom;

/// <summary>
/// A key just created: the only time CM.com shows <see cref="Key"/>. Store it at once (a secret store, your
/// configuration); <see cref="ToString"/> never shows it.
/// </summary>
public sealed class CmComNewApiKey
{
    internal CmComNewApiKey()
    {
    }

    /// <summary>CM.com's id of the key: keep it to revoke the key one day.</summary>
    public long Id { get; internal init; }

    /// <summary>The key's label.</summary>
    public string? Label { get; internal init; }

    /// <summary>The secret key, for the <c>API-Key</c> header. Shown this once; never logged by the SDK.</summary>
    public string Key { get; internal init; } = string.Empty;

    /// <summary>From when the key is valid, as requested; <see langword="null"/> for at once.</summary>
    public DateTimeOffset? ValidFrom { get; internal init; }

    /// <summary>Until when the key is valid, as requested; <see langword="null"/> for never expiring.</summary>
    public DateTimeOffset? ValidUntil { get; internal init; }

    /// <summary>A description for logs, with the key hidden.</summary>
    public override string ToString() => $"CmComNewApiKey {{ Id = {Id}, Label = {Label}, Key = ***, ValidFrom = {ValidFrom:O}, ValidUntil = {ValidUntil:O} }}";
}
