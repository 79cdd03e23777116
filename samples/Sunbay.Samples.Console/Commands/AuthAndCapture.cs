using Sunbay.Client;

namespace Sunbay.Samples.Console;

internal sealed partial class Scenarios
{
    /// <summary>Pre-authorisation, then its capture.</summary>
    public async Task<int> AuthAndCaptureAsync(CancellationToken cancellationToken)
    {
        ui.Step($"Pre-authorising {ConsoleUi.Money(args.Amount, args.Currency)} on terminal {TerminalName}");
        var auth = await PushAsync(
            new AuthRequest { Amount = args.Amount, Currency = args.Currency, ReferenceOrderId = NewOrderId(), Description = "Sample pre-authorisation", TerminalSn = args.Terminal, TransactionRequestId = NewRequestId() },
            sunbay.StartAuthAsync,
            cancellationToken);
        var authorised = await WaitAsync(auth, Tap, cancellationToken);
        ui.Print(authorised);
        if (!authorised.IsApproved)
        {
            return Outcome(authorised, "Pre-authorisation");
        }

        ui.Step("Capturing the pre-authorisation (post-auth)");
        var capture = await PushAsync(
            new PostAuthRequest { OriginalTransactionId = authorised.TransactionId, OriginalTransactionRequestId = authorised.TransactionId is null ? authorised.TransactionRequestId : null, Amount = args.Amount, Currency = args.Currency, TerminalSn = args.Terminal, TransactionRequestId = NewRequestId() },
            sunbay.StartPostAuthAsync,
            cancellationToken);
        var captured = await WaitAsync(capture, "SUNBAY captures the funds", cancellationToken);
        ui.Print(captured);
        return Outcome(captured, "Capture");
    }
}
