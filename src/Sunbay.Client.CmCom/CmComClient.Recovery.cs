using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.CmCom;

/// <summary>Recovery after a lost answer, as CM.com's guide says: read the terminal's transactions first, send only what is not there.</summary>
public sealed partial class CmComClient
{
    /// <inheritdoc/>
    public Task<CmComTransaction?> FindTransactionByReferenceAsync(string merchantOrderReference, string? terminalId = null, CancellationToken cancellationToken = default)
    {
        var reference = ReferenceOf(merchantOrderReference);
        return FindAsync(reference, CmComRules.TerminalOf(terminalId, CurrentOptions), type: null, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CmComTransactionOperation> StartOrResumePurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken = default) =>
        StartOrResumeAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<CmComTransactionOperation> StartOrResumeRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken = default) =>
        StartOrResumeAsync(request, cancellationToken);

    private async Task<CmComTransactionOperation> StartOrResumeAsync(CmComTransactionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var terminal = CmComRules.TerminalOf(request.TerminalId, CurrentOptions);
        _ = request.ToWire(); // every rule before the search too: a request that could never be sent is not searched for

        if (await FindAsync(request.MerchantOrderReference, terminal, request.Type, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            return await StartAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (existing.Amount != request.Amount || !string.Equals(existing.Currency, request.Currency, StringComparison.Ordinal))
        {
            // The reference is taken by another payment: following it would report someone else's outcome.
            throw new PaymentsValidationException(
                "merchant_order_reference",
                $"already names {existing.Type} '{existing.Id}' of {existing.Amount} {existing.Currency} on terminal '{terminal}', not {request.Amount} {request.Currency}: use a new reference for a new transaction");
        }

        // It happened: follow it, never send it again.
        Log.FoundExisting(Logger, existing.Id, existing.Status, request.MerchantOrderReference, terminal);
        return new CmComTransactionOperation(this, terminal, existing.Id, existing);
    }

    /// <summary>The newest transaction of the terminal with the reference (and the type, when given), or null; reads every page.</summary>
    private async Task<CmComTransaction?> FindAsync(string reference, string terminal, CmComTransactionType? type, CancellationToken cancellationToken)
    {
        CmComTransaction? newest = null;
        await foreach (var transaction in ListTransactionsAsync(terminal, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(transaction.MerchantOrderReference, reference, StringComparison.Ordinal)
                && (type is null || transaction.Type == type)
                && (newest is null || transaction.CreatedAt > newest.CreatedAt))
            {
                newest = transaction;
            }
        }

        return newest;
    }

    private static string ReferenceOf(string merchantOrderReference) =>
        TransactionRequest.CheckMerchantOrderReference(merchantOrderReference) is { } problem
            ? throw new PaymentsValidationException(problem.Field, problem.Rule)
            : merchantOrderReference;
}
