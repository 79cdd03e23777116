using System.Diagnostics;
using Sunbay.Client;

namespace Sunbay.Samples.Console;

/// <summary>What the sample prints: steps, live progress while a terminal works, and coloured outcomes.</summary>
internal static class ConsoleUi
{
    public static void Step(string text) => System.Console.WriteLine($"→ {text}");

    public static void Info(string text) => System.Console.WriteLine($"  {text}");

    public static void Success(string text) => Write(ConsoleColor.Green, $"✔ {text}");

    public static void Failure(string text) => Write(ConsoleColor.Red, $"✘ {text}");

    public static void Warning(string text) => Write(ConsoleColor.Yellow, $"! {text}");

    /// <summary>Prints each status change while a transaction waits on the terminal, with the elapsed time.</summary>
    public static IProgress<Transaction> Progress(string whatTheCardholderDoes)
    {
        var clock = Stopwatch.StartNew();
        TransactionStatus? last = null;
        Info($"waiting: {whatTheCardholderDoes}");
        return new SynchronousProgress(t =>
        {
            if (t.Status != last)
            {
                last = t.Status;
                Info($"[{clock.Elapsed.TotalSeconds,5:F1} s] status {t.Status}");
            }
        });
    }

    public static void Print(Transaction t)
    {
        Info($"transactionId        {t.TransactionId}");
        Info($"transactionRequestId {t.TransactionRequestId}");
        Info($"status               {t.Status}{(t.ResultCode is null ? string.Empty : $" ({t.ResultCode} {t.ResultMessage})")}");
        Info($"amount               {Money(t.Amount?.Total ?? t.Amount?.Order, t.Amount?.Currency)}");
        Info($"card                 {t.MaskedPan ?? "-"} {t.PaymentMethodId} {t.EntryMode}");
        Info($"auth code            {t.AuthCode ?? "-"}");
    }

    public static string Money(long? minorUnits, string? currency) =>
        minorUnits is { } v ? $"{v / 100m:0.00} {currency}" : "-";

    private static void Write(ConsoleColor color, string text)
    {
        var previous = System.Console.ForegroundColor;
        System.Console.ForegroundColor = color;
        System.Console.WriteLine(text);
        System.Console.ForegroundColor = previous;
    }

    private sealed class SynchronousProgress(Action<Transaction> report) : IProgress<Transaction>
    {
        public void Report(Transaction value) => report(value);
    }
}
