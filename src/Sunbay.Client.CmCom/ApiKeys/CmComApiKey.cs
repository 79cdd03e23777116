namespace Sunbay.Client.CmCom;

/// <summary>One of the customer's API keys as CM.com lists them: never the key itself.</summary>
public sealed class CmComApiKey
{
    internal CmComApiKey()
    {
    }

    /// <summary>CM.com's id of the key, e.g. 854844465: what a revoke names.</summary>
    public long Id { get; internal init; }

    /// <summary>The key's label, e.g. <c>2022 2nd half</c>.</summary>
    public string? Label { get; internal init; }

    /// <summary>When the key was last used, when CM.com says.</summary>
    public DateTimeOffset? LastUsedAt { get; internal init; }

    /// <summary>From when the key is valid (inclusive); <see langword="null"/> for no start.</summary>
    public DateTimeOffset? ValidFrom { get; internal init; }

    /// <summary>Until when the key is valid (exclusive); <see langword="null"/> for a key that never expires.</summary>
    public DateTimeOffset? ValidUntil { get; internal init; }

    /// <summary>A description for logs.</summary>
    public override string ToString() => $"CmComApiKey {{ Id = {Id}, Label = {Label}, ValidFrom = {ValidFrom:O}, ValidUntil = {ValidUntil:O} }}";
}
