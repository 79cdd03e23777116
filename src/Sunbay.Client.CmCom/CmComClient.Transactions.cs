using Sunbay.Client.CmCom.Telemetry;
using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Http;

namespace Sunbay.Client.CmCom;

/// <summary>Transactions: start (validated before I/O), read, cancel.</summary>
public sealed partial class CmComClient
{
    /// <inheritdoc/>
    public Task<CmComTransactionOperation> StartPurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<CmComTransactionOperation> StartRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken = default) =>
        StartAsync(request, cancellationToken);

    /// <inheritdoc/>
    public async Task<CmComTransaction> GetTransactionAsync(string transactionId, string? terminalId = null, CancellationToken cancellationToken = default)
    {
        var terminal = CmComRules.TerminalOf(terminalId, CurrentOptions);
        var id = CmComRules.TransactionId(transactionId);
        var answer = await SendAsync(CmComWireApi.GetTransaction, CmComWireApi.GetTransactionUrl(terminal, id), null, new CallSubject(null, terminal, id), cancellationToken).ConfigureAwait(false);
        return CmComMapper.FromWire(answer, terminal);
    }

    /// <inheritdoc/>
    public async Task<CmComCancelResult> CancelAsync(string transactionId, string? terminalId = null, CancellationToken cancellationToken = default)
    {
        var terminal = CmComRules.TerminalOf(terminalId, CurrentOptions);
        var id = CmComRules.TransactionId(transactionId);
        try
        {
            await SendAsync(CmComWireApi.CancelTransaction, CmComWireApi.CancelTransactionUrl(terminal, id), null, new CallSubject(null, terminal, id), cancellationToken).ConfigureAwait(false);
            Log.Cancelled(Logger, id, terminal, CmComCancelOutcome.Cancelled, CmComTransactionStatus.Cancelled);
            return new CmComCancelResult(CmComCancelOutcome.Cancelled, null);
        }
        catch (CmComApiException conflict) when (conflict.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // A card was presented (or it had ended): the cancel is a definite no. Read how it really stands.
            CmComTransaction? current = null;
            try
            {
                current = await GetTransactionAsync(id, terminal, cancellationToken).ConfigureAwait(false);
            }
            catch (PaymentsException ex) when (ex is PaymentsTransportException or PaymentsApiException)
            {
                Log.ReadAfterConflictFailed(Logger, id, terminal, ex);
            }

            Log.Cancelled(Logger, id, terminal, CmComCancelOutcome.TooLate, current?.Status);
            return new CmComCancelResult(CmComCancelOutcome.TooLate, current);
        }
    }

    /// <summary>One path for every start: the request's rules before any I/O, one POST, the created transaction followed.</summary>
    private async Task<CmComTransactionOperation> StartAsync(CmComTransactionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var terminal = CmComRules.TerminalOf(request.TerminalId, CurrentOptions);
        var wire = request.ToWire();
        var subject = new CallSubject(request.MerchantOrderReference, terminal);
        var answer = await SendAsync(CmComWireApi.StartTransaction, CmComWireApi.StartTransactionUrl(terminal), wire, subject, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.Id))
        {
            // Created, but without an id there is nothing to follow: the reference finds it.
            throw new CmComTransportException(
                $"CM.com answered start-transaction without a transaction id. The outcome is unknown: find the transaction by merchant_order_reference '{request.MerchantOrderReference}' on terminal '{terminal}' before anything else.",
                CmComWireApi.StartTransaction.Name, outcomeUnknown: true, terminal, request.MerchantOrderReference, transactionId: null, statusCode: null);
        }

        var created = CmComMapper.FromWire(answer, terminal);
        Log.Started(Logger, request.Type, created.Id, terminal, request.MerchantOrderReference, created.Status);
        return new CmComTransactionOperation(this, terminal, created.Id, created);
    }
}
