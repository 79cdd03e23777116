using Sunbay.Client.Transactions;
using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>Recovery after a lost answer: find what happened, re-send only what did not.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public Task<Transaction?> FindTransactionAsync(string transactionRequestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionRequestId);
        return FindAsync(transactionRequestId, null, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Transaction?> FindTransactionByReferenceOrderIdAsync(string referenceOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceOrderId);

        // The spec's ReferenceOrderId rules, read from the generated type that carries them.
        WireValidator.ValidateValue(typeof(Wire.SaleRequest), nameof(Wire.SaleRequest.ReferenceOrderId), referenceOrderId);
        return FindAsync(null, referenceOrderId, cancellationToken);
    }

    /// <summary>One query by request ID or order number; <see langword="null"/> when SUNBAY has no such transaction.</summary>
    private async Task<Transaction?> FindAsync(string? transactionRequestId, string? referenceOrderId, CancellationToken cancellationToken)
    {
        try
        {
            // Code 0 without a transaction also means SUNBAY found nothing.
            return await QueryAsync(null, transactionRequestId, referenceOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (SunbayApiException ex) when (CurrentOptions.TransactionNotFoundCodes.Contains(ex.Code, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<TransactionOperation> StartOrResumeAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.TransactionRequestId))
        {
            throw new SunbayValidationException("transactionRequestId", "is required to re-send safely: use the one of the request whose outcome is unknown");
        }

        if (await FindTransactionAsync(request.TransactionRequestId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // It happened: follow it, never send it again.
            return new TransactionOperation(this, existing.TransactionRequestId, existing, expiresAt: null);
        }

        return request switch
        {
            SaleRequest sale => await StartSaleAsync(sale, cancellationToken).ConfigureAwait(false),
            RefundRequest refund => await StartRefundAsync(refund, cancellationToken).ConfigureAwait(false),
            VoidRequest @void => await StartVoidAsync(@void, cancellationToken).ConfigureAwait(false),
            AuthRequest auth => await StartAuthAsync(auth, cancellationToken).ConfigureAwait(false),
            ForcedAuthRequest forced => await StartForcedAuthAsync(forced, cancellationToken).ConfigureAwait(false),
            IncrementalAuthRequest incremental => await StartIncrementalAuthAsync(incremental, cancellationToken).ConfigureAwait(false),
            PostAuthRequest capture => await StartPostAuthAsync(capture, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"{request.GetType().Name} is not a push this client knows.", nameof(request)),
        };
    }

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
            throw new SunbayValidationException("expectedRefundableAmount", "applies only to a referenced refund");
        }

        if (request.Amount > expected)
        {
            throw new SunbayValidationException("amount.orderAmount", $"must not exceed the expected refundable amount {expected} (was {request.Amount})");
        }

        var original = !string.IsNullOrEmpty(request.OriginalTransactionId)
            ? await GetTransactionAsync(request.OriginalTransactionId, cancellationToken).ConfigureAwait(false)
            : await GetTransactionByRequestIdAsync(request.OriginalTransactionRequestId!, cancellationToken).ConfigureAwait(false);
        // Refund limits are in orderAmount terms (the spec's RefundRequest: D-FAQR read on the documented field).
        var total = original.Amount?.Order;
        var related = original.RelatedTransactionStatus?.ToUpperInvariant();
        string? contradiction = (related, total) switch
        {
            _ when !original.IsApproved => $"the original is {original.Status}, not approved: nothing is refundable",
            ("REFUNDED" or "VOIDED", _) => $"SUNBAY reports the original as {related}: nothing is refundable",
            ("PART_REFUNDED", { } t) when expected >= t => $"SUNBAY reports the original as partly refunded, so less than its order amount {t} is refundable",
            (null or "", { } t) when expected != t => $"SUNBAY reports no refund of the original yet, so its whole order amount {t} is refundable",
            _ => null,
        };
        if (contradiction is not null)
        {
            throw new SunbayValidationException("expectedRefundableAmount", $"does not match SUNBAY's state ({expected} expected; {contradiction}). Query the original and its refunds before refunding again");
        }
    }
}
