namespace Sunbay.Client.Telemetry;

/// <summary>
/// Masks card numbers in free text before it reaches a log line or an exception message: any run of 13 to 19 digits
/// (spaces and dashes between digits allowed) that passes the Luhn check keeps its first 6 and last 4 digits.
/// </summary>
internal static class SensitiveData
{
    public static string? MaskCardNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return text;
        }

        var result = text.ToCharArray();
        var changed = false;
        var i = 0;
        Span<int> positions = stackalloc int[19];
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // Collect one run of digits, allowing single separators between them.
            var count = 0;
            var j = i;
            var end = i;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    if (count == positions.Length)
                    {
                        count++;
                        break;
                    }

                    positions[count++] = j;
                    end = j + 1;
                    j++;
                }
                else if ((text[j] is ' ' or '-') && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]) && count > 0)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (count is >= 13 and <= 19 && Luhn(text, positions[..count]))
            {
                for (var k = 6; k < count - 4; k++)
                {
                    result[positions[k]] = '*';
                }

                changed = true;
            }

            i = Math.Max(end, i + 1);
        }

        return changed ? new string(result) : text;
    }

    private static bool Luhn(string text, ReadOnlySpan<int> positions)
    {
        var sum = 0;
        var doubleIt = false;
        for (var k = positions.Length - 1; k >= 0; k--)
        {
            var digit = text[positions[k]] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
