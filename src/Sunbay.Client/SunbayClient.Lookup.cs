using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>Looking a transaction up: one call that throws when it is absent, one that answers <see langword="null"/>.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public Task<Transaction> GetTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return GetAsync(lookup, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Transaction?> FindTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return FindAsync(lookup, cancellationToken);
    }

    private async Task<Transaction> GetAsync(TransactionLookup lookup, CancellationToken cancellationToken) =>
        await LookupAsync(lookup, cancellationToken).ConfigureAwait(false)
        ?? throw new SunbayTransportException($"SUNBAY answered the query of {lookup} with code 0 but no transaction.", "query", outcomeUnknown: false, lookup.TransactionRequestId, 200);

    private async Task<Transaction?> FindAsync(TransactionLookup lookup, CancellationToken cancellationToken)
    {
        try
        {
            // SUNBAY does not document how it answers a query for a transaction it does not have. "Not found" is either
            // code 0 without a transaction, or a code listed in TransactionNotFoundCodes; any other answer is an error,
            // never "not found", so nothing is re-sent on a guess.
            return await LookupAsync(lookup, cancellationToken).ConfigureAwait(false);
        }
        catch (SunbayApiException ex) when (CurrentOptions.TransactionNotFoundCodes.Any(code => string.Equals(code?.Trim(), ex.Code.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
    }

    /// <summary>One query; <see langword="null"/> when SUNBAY answers code 0 without a transaction.</summary>
    private async Task<Transaction?> LookupAsync(TransactionLookup lookup, CancellationToken cancellationToken)
    {
        if (lookup.ReferenceOrderId is { } referenceOrderId)
        {
            // The spec's ReferenceOrderId rules, read from the generated type that carries them.
            if (Wire.SaleRequest.CheckReferenceOrderId(referenceOrderId) is { } problem)
            {
                throw new SunbayValidationException(problem.Field, problem.Rule);
            }
        }

        var found = await QueryAsync(lookup.TransactionId, lookup.TransactionRequestId, lookup.ReferenceOrderId, cancellationToken).ConfigureAwait(false);

        // Recovery acts on this answer (follow the transaction instead of sending it): another transaction than the one
        // asked for must never be taken for it.
        if (lookup.TransactionRequestId is { } asked && found is { TransactionRequestId.Length: > 0 } && !string.Equals(found.TransactionRequestId, asked, StringComparison.Ordinal))
        {
            throw new SunbayTransportException(
                $"SUNBAY answered the query of transactionRequestId '{asked}' with another transaction ('{found.TransactionRequestId}', transactionId '{found.TransactionId}'); it is not taken for the one asked.",
                "query",
                outcomeUnknown: false,
                asked,
                200);
        }

        return found;
    }
}
