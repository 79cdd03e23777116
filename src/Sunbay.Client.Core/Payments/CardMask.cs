namespace Sunbay.Client.Payments;

/// <summary>
/// Masks a card number that a provider says it masked already: at most the first 6 and the last 4 digits are kept, any
/// other digit becomes <c>*</c>. A provider that sends a full number (or a longer prefix) by mistake does not put it on
/// the outcome.
/// </summary>
internal static class CardMask
{
    private const int Leading = 6;
    private const int Trailing = 4;

    public static string? Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var digits = value.Count(char.IsAsciiDigit);
        if (digits <= Leading + Trailing)
        {
            return value;
        }

        var chars = value.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]) && ++seen > Leading && seen <= digits - Trailing)
            {
                chars[i] = '*';
            }
        }

        return new string(chars);
    }
}
