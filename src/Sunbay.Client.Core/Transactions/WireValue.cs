namespace Sunbay.Client.Transactions;

/// <summary>The one normalisation of the SDK's extensible values (<c>TransactionStatus</c>, <c>EntryMode</c>, ...).</summary>
internal static class WireValue
{
    /// <summary>Trimmed and upper case; <see langword="null"/> for a blank value (the same as none).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string? Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed.ToUpperInvariant();
    }

    /// <summary>An optional value as received: <see langword="null"/> when SUNBAY sent none (or a blank one).</summary>
    public static T? Read<T>(string? value, Func<string, T> create)
        where T : struct =>
        string.IsNullOrWhiteSpace(value) ? null : create(value);
}
