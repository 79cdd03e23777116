using System.Globalization;
using System.Text;

namespace Sunbay.Client.Testing.Internal;

/// <summary>The fake's plain-text receipts: a transaction's EFT receipt and a terminal's day totals.</summary>
internal static class CmComReceipt
{
    private const int Width = 32;

    /// <summary>The cardholder's EFT receipt of a processed transaction.</summary>
    public static string For(FakeCmComTransaction t, FakeCardResult outcome)
    {
        var text = new StringBuilder();
        Center(text, t.Terminal.Store.Name);
        Line(text, "TERMINAL", t.Terminal.Id);
        Line(text, "DATE", t.ProcessedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Line(text, "CARD", t.Brand!);
        Line(text, "STAN", t.SystemTraceAuditNumber!);
        text.AppendLine();
        Line(text, t.Type, Money(t.Amount, t.Currency));
        text.AppendLine();
        Center(text, outcome.Outcome == FakeCardOutcome.Decline ? $"DECLINED {outcome.ResultCode}" : "APPROVED");
        Center(text, "CARDHOLDER COPY");
        return text.ToString();
    }

    /// <summary>Today's totals of a terminal: count and sum of approved purchases and refunds, by currency.</summary>
    public static string DayTotals(FakeCmComTerminal terminal, IEnumerable<FakeCmComTransaction> approvedToday, DateTimeOffset now)
    {
        var text = new StringBuilder();
        Center(text, "DAY TOTALS");
        Center(text, terminal.Store.Name);
        Line(text, "TERMINAL", terminal.Id);
        Line(text, "DATE", now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        text.AppendLine();
        var groups = approvedToday.GroupBy(t => (t.Currency, t.Type)).OrderBy(g => g.Key.Currency, StringComparer.Ordinal).ThenByDescending(g => g.Key.Type, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            Center(text, "NO TRANSACTIONS");
        }

        foreach (var group in groups)
        {
            Line(text, string.Create(CultureInfo.InvariantCulture, $"{group.Key.Type} x{group.Count()}"), Money(group.Sum(t => t.Amount), group.Key.Currency));
        }

        return text.ToString();
    }

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00###} {currency}");

    private static void Line(StringBuilder text, string left, string right) =>
        text.Append(left).Append(' ', Math.Max(1, Width - left.Length - right.Length)).AppendLine(right);

    private static void Center(StringBuilder text, string line) =>
        text.Append(' ', Math.Max(0, (Width - line.Length) / 2)).AppendLine(line);
}
