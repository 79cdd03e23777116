using System.Collections.Frozen;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// The base of a provider's <see cref="ICardPayments"/>: what every provider does the same way, kept here once. It
/// checks the neutral request before anything is sent (<see cref="CardPaymentRequest.Validate"/>), chooses how much a
/// start with an <see cref="CardPaymentRequest.IdempotencyKey"/> looks for an earlier attempt, and renames a provider's
/// rule on one of its wire fields to the neutral property the caller set. A provider implements the sends and the
/// reads of its own API; SUNBAY's, CM.com's and any provider written outside this repository derive from it, and
/// register it with <c>services.AddCardPaymentsProvider(...)</c>.
/// </summary>
public abstract class CardPaymentsProvider : IRecoverableCardPayments
{
    private readonly FrozenDictionary<string, string> _neutralFields;
    private readonly string _displayName;

    /// <param name="provider">The provider's name, as configured (<c>CardPayments:Provider</c>) and reported in every outcome.</param>
    /// <param name="displayName">The provider's name in messages, e.g. <c>SUNBAY</c>, <c>CM.com</c>.</param>
    /// <param name="neutralFields">
    /// The provider's wire names of the fields the neutral requests fill (e.g. <c>referenceOrderId</c> →
    /// <c>MerchantReference</c>), so that a <see cref="PaymentsValidationException"/> raised on a wire field names the
    /// property the caller set.
    /// </param>
    protected CardPaymentsProvider(string provider, string displayName, IReadOnlyDictionary<string, string> neutralFields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(neutralFields);
        Provider = provider;
        _displayName = displayName;
        _neutralFields = neutralFields.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Provider { get; }

    /// <summary>
    /// The keyed-service name of the provider's client registered as <paramref name="clientName"/>:
    /// <paramref name="provider"/> for the default client (an empty name), <c>{provider}:{clientName}</c> for a named one.
    /// </summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="clientName">The client's name; empty for the default client.</param>
    public static string KeyOf(string provider, string clientName)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(clientName);
        return clientName.Length == 0 ? provider : $"{provider}:{clientName}";
    }

    /// <inheritdoc/>
    public Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CancellationToken cancellationToken = default) =>
        StartPaymentAsync(request, ModeOf(request?.IdempotencyKey), cancellationToken);

    /// <inheritdoc/>
    public Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CancellationToken cancellationToken = default) =>
        StartRefundAsync(request, ModeOf(request?.IdempotencyKey), cancellationToken);

    /// <inheritdoc/>
    public async Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        // Checked inside the task, as every other failure of a start: the caller sees one kind of failure.
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await NamingNeutralFields(() => StartPaymentCoreAsync(request, mode, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        // Checked inside the task, as every other failure of a start: the caller sees one kind of failure.
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await NamingNeutralFields(() => StartRefundCoreAsync(request, mode, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public abstract CardPaymentOperation GetOperation(string id);

    /// <inheritdoc/>
    public abstract Task<CardPaymentOperation?> FindStartedAsync(PaymentJournalEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a payment the neutral rules have accepted. <paramref name="mode"/> says how much to look for an earlier
    /// attempt with the same key first; a provider whose key is its own idempotency key may send it as it is.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="mode">How much the start must look for an earlier attempt of its key.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    protected abstract Task<CardPaymentOperation> StartPaymentCoreAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken);

    /// <summary>Sends a refund the neutral rules have accepted; see <see cref="StartPaymentCoreAsync"/>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="mode">How much the start must look for an earlier attempt of its key.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    protected abstract Task<CardPaymentOperation> StartRefundCoreAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Looks for what an earlier start may have created, again at <paramref name="polling"/>'s initial interval, until
    /// <paramref name="until"/> (typically the start's journal time plus <see cref="ClientPollingOptions.NotReceivedAfter"/>):
    /// a provider may show a new transaction late, and sending again while it may still show would charge twice.
    /// </summary>
    /// <typeparam name="T">What <paramref name="find"/> finds.</typeparam>
    /// <param name="find">One look; <see langword="null"/> when nothing is found yet.</param>
    /// <param name="until">When to stop looking; a time already past looks once.</param>
    /// <param name="polling">The interval between looks.</param>
    /// <param name="timeProvider">The clock the pauses run on.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The first thing found, or <see langword="null"/> when <paramref name="until"/> passed without one.</returns>
    protected static async Task<T?> FindWithinAsync<T>(Func<CancellationToken, Task<T?>> find, DateTimeOffset until, ClientPollingOptions polling, TimeProvider timeProvider, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(polling);
        ArgumentNullException.ThrowIfNull(timeProvider);
        while (true)
        {
            if (await find(cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            var left = until - timeProvider.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(left < polling.InitialInterval ? left : polling.InitialInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    // Without a key nothing earlier can be found; with one, an attempt from before this process may exist.
    private static CardPaymentStartMode ModeOf(string? idempotencyKey) =>
        idempotencyKey is null ? CardPaymentStartMode.Fresh : CardPaymentStartMode.LookFirst;

    /// <summary>Runs a start, renaming a provider's rule on one of its wire fields to the neutral property the caller set.</summary>
    private async Task<CardPaymentOperation> NamingNeutralFields(Func<Task<CardPaymentOperation>> start)
    {
        try
        {
            return await start().ConfigureAwait(false);
        }
        catch (PaymentsValidationException ex) when (_neutralFields.TryGetValue(ex.Field, out var property))
        {
            throw new PaymentsValidationException(property, $"{ex.Rule} ({_displayName}'s {ex.Field})");
        }
    }
}
