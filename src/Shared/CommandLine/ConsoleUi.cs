using System.Diagnostics;
using Sunbay.Client;

namespace Sunbay.CommandLine;

/// <summary>
/// What the console sample and the <c>sunbay</c> tool print: steps, live progress while a terminal works, and coloured outcomes. An instance writes to one
/// <see cref="TextWriter"/>, so that tests read what a user would see; colour and the live ticker only on a real console.
/// </summary>
internal sealed class ConsoleUi(TextWriter output, bool interactive)
{
    private readonly object _gate = new();

    /// <summary>The process console: colour and a live ticker unless the output is redirected or <c>NO_COLOR</c> is set.</summary>
    public static ConsoleUi ForConsole() => new(
        System.Console.Out,
        !System.Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public TextWriter Output => output;

    public void Step(string text) => Line(null, $"→ {text}");

    public void Info(string text) => Line(null, $"  {text}");

    public void Success(string text) => Line(ConsoleColor.Green, $"✔ {text}");

    public void Failure(string text) => Line(ConsoleColor.Red, $"✘ {text}");

    public void Warning(string text) => Line(ConsoleColor.Yellow, $"! {text}");

    /// <summary>Writes <paramref name="text"/> as is (help text).</summary>
    public void Text(string text) => Line(null, text);

    /// <summary>
    /// Shows a wait on the terminal: what the cardholder is expected to do, each status change with the elapsed time, and
    /// (on an interactive console) a ticker that counts the seconds. Dispose it when the wait is over.
    /// </summary>
    /// <param name="whatTheCardholderDoes">The instruction, e.g. "tap, insert or swipe the card on the terminal".</param>
    public WaitDisplay Wait(string whatTheCardholderDoes)
    {
        Info($"waiting: {whatTheCardholderDoes} (Ctrl+C stops waiting; the terminal goes on)");
        return new WaitDisplay(this, interactive);
    }

    public void Print(Transaction t)
    {
        Info($"transactionId        {t.TransactionId}");
        Info($"transactionRequestId {t.TransactionRequestId}");
        Info($"status               {t.Status}{(t.ResultCode is null ? string.Empty : $" ({t.ResultCode} {t.ResultMessage})")}");
        Info($"amount               {Money(t.Amount?.Total ?? t.Amount?.Order, t.Amount?.Currency)}");
        Info($"card                 {t.MaskedPan ?? "-"} {t.PaymentMethodId} {t.EntryMode}");
        Info($"auth code            {t.AuthCode ?? "-"}");
    }

    /// <summary>An amount in minor units, shown with its currency's own decimals (1500 JPY, 15.00 EUR, 1.500 KWD).</summary>
    public static string Money(long? minorUnits, string? currency)
    {
        if (minorUnits is not { } v)
        {
            return "-";
        }

        try
        {
            return Sunbay.Client.Payments.Money.FromMinorUnits(v, currency!).ToString();
        }
        catch (PaymentsValidationException)
        {
            // Not an active ISO 4217 code: its decimals are unknown, so the count is shown as it is.
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v} minor units of {currency ?? "(no currency)"}");
        }
    }

    /// <summary>Describes a transaction's status for someone standing at the terminal: a sale waits for a card and the
    /// issuer; a refund or a void waits for the terminal to confirm it.</summary>
    public static string Explain(Transaction t)
    {
        var cardPayment = t.Type == TransactionType.Sale || t.Type == TransactionType.Auth || t.Type == TransactionType.ForcedAuth;
        var what = t.Type.Value.Length == 0 ? "transaction" : t.Type.Value.ToLowerInvariant().Replace('_', '-');
        return t.Status == TransactionStatus.Initial ? cardPayment ? "sent to the terminal; waiting for the card" : $"sent to the terminal; waiting for it to confirm the {what}"
            : t.Status == TransactionStatus.Processing ? cardPayment ? "card read; waiting for the issuer's answer" : $"the terminal is processing the {what}"
            : t.Status == TransactionStatus.Success ? "approved"
            : t.Status == TransactionStatus.Fail ? "declined"
            : t.Status == TransactionStatus.Closed ? "closed without payment"
            : t.Status.ToString();
    }

    /// <summary>Writes one line, in <paramref name="color"/> on an interactive console (e.g. a checklist line).</summary>
    public void Line(ConsoleColor? color, string text)
    {
        lock (_gate)
        {
            ClearTicker();
            if (color is { } c && interactive)
            {
                var previous = System.Console.ForegroundColor;
                System.Console.ForegroundColor = c;
                output.WriteLine(text);
                System.Console.ForegroundColor = previous;
            }
            else
            {
                output.WriteLine(text);
            }
        }
    }

    private bool _tickerShown;

    private void Tick(string text)
    {
        lock (_gate)
        {
            output.Write($"\r  {text}\u001b[K");
            _tickerShown = true;
        }
    }

    private void ClearTicker()
    {
        if (_tickerShown)
        {
            output.Write("\r\u001b[K");
            _tickerShown = false;
        }
    }

    /// <summary>The live part of <see cref="Wait"/>: an <see cref="IProgress{T}"/> for <c>WaitForCompletionAsync</c>.</summary>
    internal sealed class WaitDisplay : IProgress<Transaction>, IDisposable
    {
        private readonly ConsoleUi _ui;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Timer? _ticker;
        private Transaction? _last;
        private bool _stopped;

        public WaitDisplay(ConsoleUi ui, bool live)
        {
            _ui = ui;
            if (live)
            {
                _ticker = new Timer(_ => OnTick(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
            }
        }

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Report(Transaction value)
        {
            if (value.Status != _last?.Status)
            {
                _last = value;
                _ui.Info($"[{_clock.Elapsed.TotalSeconds,5:F1} s] status {value.Status}: {Explain(value)}");
            }
        }

        public void Dispose()
        {
            _ticker?.Dispose();
            lock (_ui._gate)
            {
                _stopped = true;
                _ui.ClearTicker();
            }
        }

        private void OnTick()
        {
            lock (_ui._gate)
            {
                if (!_stopped)
                {
                    _ui.Tick($"⏳ {_clock.Elapsed.TotalSeconds,5:F1} s  {(_last is { } t ? Explain(t) : "dispatching")}");
                }
            }
        }
    }
}
