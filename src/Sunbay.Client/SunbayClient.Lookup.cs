using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>Looking a transaction up: one call that throws when it is absent, one that answers <see langword="null"/>.</summary>
public sealed partial class SunbayClient
{
    /// <inheritdoc/>
    public Task<Transaction> GetTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        // required: the query throws instead of answering null.
        return QueryAsync(lookup, required: true, cancellationToken)!;
    }

    /// <inheritdoc/>
    public Task<Transaction?> FindTransactionAsync(TransactionLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return FindAsync(lookup, cancellationToken);
    }

    private async Task<Transaction?> FindAsync(TransactionLookup lookup, CancellationToken cancellationToken)
    {
        try
        {
            // SUNBAY does not document how it answers a query for a transaction it does not have. "Not found" is either
            // code 0 without a transaction, or a code listed in TransactionNotFoundCodes; any other answer is an error,
            // never "not found", so nothing is re-sent on a guess.
            return await QueryAsync(lookup, required: false, cancellationToken).ConfigureAwait(false);
        }
        catch (SunbayApiException ex) when (CurrentOptions.TransactionNotFoundCodes.Any(code => string.Equals(code?.Trim(), ex.Code.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
    }
}
