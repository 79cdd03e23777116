using Sunbay.Client;

namespace Sunbay.Cli;

/// <summary>What the check charges, and how it gives everything back: the sales, the refund and the void.</summary>
internal sealed partial class GoLiveCheck
{
    /// <summary>Pushes a sale and waits; returns it when approved.</summary>
    private async Task<(Transaction? Sale, Outcome Outcome)> ChargeAsync(string what, CancellationToken cancellationToken)
    {
        var rejectedBefore = _options.Webhooks?.RejectedCount ?? 0;
        var operation = await _sunbay.StartSaleAsync(
            new SaleRequest
            {
                Amount = _options.Amount,
                Currency = _options.Currency,
                ReferenceOrderId = $"GOLIVE-{Guid.NewGuid():N}"[..24],
                Description = $"Go-live check, {what} (refunded or voided)",
                TerminalSn = _options.TerminalSn,
            },
            cancellationToken);
        _rejectedBefore[operation.TransactionRequestId] = rejectedBefore;
        _ui.Info($"{what} of {ConsoleUi.Money(_options.Amount, _options.Currency)} dispatched: transactionRequestId {operation.TransactionRequestId}");
        Transaction sale;
        using (var progress = _ui.Wait(Tap))
        {
            sale = await operation.WaitForCompletionAsync(progress, cancellationToken);
        }

        return sale.IsApproved
            ? (sale, Outcome.Pass($"{Money(sale)} approved, transactionId {sale.TransactionId}{CompletedBy(operation)}"))
            : (null, Outcome.Fail($"{what} {Declined(sale)}. Use a card that approves{(sale.Status == TransactionStatus.Fail ? " (in the Sandbox, amounts such as 9823 are declined on purpose)" : string.Empty)}"));
    }

    private async Task<TransactionOperation> RefundAsync(Transaction sale, CancellationToken cancellationToken)
    {
        var rejectedBefore = _options.Webhooks?.RejectedCount ?? 0;
        var operation = await _sunbay.StartRefundAsync(
            // The whole sale (its order amount and components) when SUNBAY reported the amounts, else the amount sold.
            (sale.Amount?.Order is null ? RefundRequest.For(sale, _options.Amount) : RefundRequest.For(sale)) with
            {
                Currency = sale.Amount?.Currency ?? _options.Currency,
                TerminalSn = _options.TerminalSn ?? sale.TerminalSn,
                Description = "Go-live check refund",
            },
            cancellationToken);
        _rejectedBefore[operation.TransactionRequestId] = rejectedBefore;
        _ui.Info($"refund of {Money(sale)} dispatched: transactionRequestId {operation.TransactionRequestId}");
        using var progress = _ui.Wait("the terminal confirms the refund (it may ask for the card)");
        await operation.WaitForCompletionAsync(progress, cancellationToken);
        return operation;
    }

    private async Task<Outcome> VoidSameDaySaleAsync(CancellationToken cancellationToken)
    {
        var (sale, charged) = await ChargeAsync("second sale (to void)", cancellationToken);
        if (sale is null)
        {
            return charged;
        }

        Transaction voided;
        TransactionOperation operation;
        try
        {
            operation = await _sunbay.StartVoidAsync(
                VoidRequest.For(sale) with { TerminalSn = _options.TerminalSn ?? sale.TerminalSn, Description = "Go-live check void" },
                cancellationToken);
            using var progress = _ui.Wait("the terminal confirms the void");
            voided = await operation.WaitForCompletionAsync(progress, cancellationToken);
        }
        catch (PaymentsException ex) when (ex is not SunbayTransportException { OutcomeUnknown: true })
        {
            return Outcome.Fail($"void failed: {ex.Message} {await RefundInsteadAsync(sale, cancellationToken)}", (ex as SunbayApiException)?.TraceId);
        }

        return voided.IsApproved
            ? Outcome.Pass($"sale {sale.TransactionId} voided, void transactionId {voided.TransactionId}{CompletedBy(operation)}")
            : Outcome.Fail($"void {Declined(voided)}. {await RefundInsteadAsync(sale, cancellationToken)}");
    }

    /// <summary>The check refunds what it charged: when the void fails, the second sale is refunded.</summary>
    private async Task<string> RefundInsteadAsync(Transaction sale, CancellationToken cancellationToken)
    {
        try
        {
            var refund = (await RefundAsync(sale, cancellationToken)).Value;
            return refund.IsApproved
                ? $"Sale {sale.TransactionId} was refunded instead."
                : $"Refunding sale {sale.TransactionId} instead {Declined(refund)}: refund it in the SUNBAY portal.";
        }
        catch (PaymentsException ex)
        {
            return $"Refunding sale {sale.TransactionId} instead failed ({ex.Message}): refund it in the SUNBAY portal.";
        }
    }

    private string CompletedBy(TransactionOperation operation) =>
        _options.Webhooks is null ? string.Empty : operation.CompletedBy == TransactionUpdateSource.Webhook ? " (completed by webhook)" : " (completed by polling)";

    private static string Money(Transaction t) => ConsoleUi.Money(t.Amount?.Total ?? t.Amount?.Order, t.Amount?.Currency);

    private static string Declined(Transaction t) => t.Status == TransactionStatus.Fail
        ? $"declined: {t.ResultCode} {t.ResultMessage}"
        : $"ended {t.Status} without payment";
}
