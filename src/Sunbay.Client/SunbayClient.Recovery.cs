using Sunbay.Client.Telemetry;
using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>Recovery after a lost answer: find what happened, re-send only what did not.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public async Task<TransactionOperation> StartOrResumeAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.TransactionRequestId))
        {
            throw new PaymentsValidationException("transactionRequestId", "is required to re-send safely: use the one of the request whose outcome is unknown");
        }

        // Every rule first: an invalid request sends nothing, not even the query.
        var push = PreparePush(request);
        if (await FindTransactionAsync(TransactionLookup.ByTransactionRequestId(request.TransactionRequestId), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // It happened: follow it, never send it again.
            return new TransactionOperation(this, existing.TransactionRequestId, existing, expiresAt: null);
        }

        try
        {
            return await SendPushAsync(push, cancellationToken).ConfigureAwait(false);
        }
        catch (SunbayApiException refused)
        {
            if (await FindAfterRefusalAsync(request, refused, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            // Not there (or the key belongs to another kind of operation): a genuine refusal.
            throw;
        }
    }

    /// <summary>
    /// A re-send with a known <c>transactionRequestId</c> was refused. SUNBAY does not document what it answers to a
    /// repeated <c>transactionRequestId</c>: the first answer again, or an error code. So before the refusal is reported,
    /// a query checks whether the transaction exists after all (its first send may have been recorded late, or the
    /// refusal may mean "duplicate"); if it does, its operation is returned and nothing is sent again.
    /// </summary>
    /// <returns>The existing transaction's operation, or <see langword="null"/> when the refusal stands.</returns>
    private async Task<TransactionOperation?> FindAfterRefusalAsync(PushRequest request, SunbayApiException refused, CancellationToken cancellationToken)
    {
        var transactionRequestId = request.TransactionRequestId!;
        Transaction? existing;
        try
        {
            existing = await FindTransactionAsync(TransactionLookup.ByTransactionRequestId(transactionRequestId), cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentsException ex)
        {
            // Neither "exists" nor "does not exist" is known: the caller must not send it under a new key.
            throw new SunbayTransportException(
                $"SUNBAY refused the re-send of transactionRequestId '{transactionRequestId}' (code {refused.Code}, traceId {refused.TraceId}), and the query to check whether it exists failed: {ex.Message} The outcome is unknown: query transactionRequestId '{transactionRequestId}' before anything else.",
                refused.Operation,
                outcomeUnknown: true,
                transactionRequestId,
                statusCode: null,
                ex);
        }

        if (existing is null || !SameKind(existing.Type, request))
        {
            return null;
        }

        Log.ResendFoundExisting(Logger, refused.Operation, transactionRequestId, refused.Code);
        return new TransactionOperation(this, existing.TransactionRequestId, existing, expiresAt: null);
    }

    /// <summary>Whether a transaction of <paramref name="type"/> is what <paramref name="request"/> creates; an unknown type is given the benefit of the doubt.</summary>
    private static bool SameKind(TransactionType type, PushRequest request) =>
        type.Value.Length == 0 || type == request switch
        {
            SaleRequest => TransactionType.Sale,
            RefundRequest => TransactionType.Refund,
            VoidRequest => TransactionType.Void,
            AuthRequest => TransactionType.Auth,
            ForcedAuthRequest => TransactionType.ForcedAuth,
            IncrementalAuthRequest => TransactionType.Incremental,
            PostAuthRequest => TransactionType.PostAuth,
            _ => type,
        };

    /// <summary>
    /// Checks <see cref="RefundRequest.ExpectedRefundableAmount"/> against the original's state, in orderAmount terms like
    /// the refund limit. SUNBAY reports whether an original was refunded in part or in full, not the sum refunded, so the
    /// guard checks every contradiction that state allows.
    /// </summary>
    private async Task GuardRefundableAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        if (request.ExpectedRefundableAmount is not { } expected)
        {
            return;
        }

        if (!request.IsReferenced)
        {
            throw new PaymentsValidationException("expectedRefundableAmount", "applies only to a referenced refund");
        }

        if (request.Amount > expected)
        {
            throw new PaymentsValidationException("amount.orderAmount", $"must not exceed the expected refundable amount {expected} (was {request.Amount})");
        }

        var lookup = !string.IsNullOrEmpty(request.OriginalTransactionId)
            ? TransactionLookup.ByTransactionId(request.OriginalTransactionId)
            : TransactionLookup.ByTransactionRequestId(request.OriginalTransactionRequestId!);
        var original = await GetTransactionAsync(lookup, cancellationToken).ConfigureAwait(false);
        // Refund limits are in orderAmount terms (the spec's RefundRequest: D-FAQR read on the documented field).
        var total = original.Amount?.Order;
        var related = original.RelatedTransactionStatus;
        string? contradiction = total switch
        {
            _ when !original.IsApproved => $"the original is {original.Status}, not approved: nothing is refundable",
            _ when related == RelatedTransactionStatus.Refunded || related == RelatedTransactionStatus.Voided => $"SUNBAY reports the original as {related}: nothing is refundable",
            { } t when related == RelatedTransactionStatus.PartiallyRefunded && expected >= t => $"SUNBAY reports the original as partly refunded, so less than its order amount {t} is refundable",
            { } t when related is null && expected != t => $"SUNBAY reports no refund of the original yet, so its whole order amount {t} is refundable",
            _ => null,
        };
        if (contradiction is not null)
        {
            throw new PaymentsValidationException("expectedRefundableAmount", $"does not match SUNBAY's state ({expected} expected; {contradiction}). Query the original and its refunds before refunding again");
        }
    }
}
