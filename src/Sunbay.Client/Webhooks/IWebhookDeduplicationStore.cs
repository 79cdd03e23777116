namespace Sunbay.Client.Webhooks;

/// <summary>
/// Remembers which notifications were processed, so that each runs its handler once even when SUNBAY delivers it again,
/// to several instances, or someone replays it. Stores never derive keys: they are given
/// <see cref="TransactionNotification.DeduplicationKey"/> (<see cref="TransactionNotification.DeduplicationKeyFor"/>), the
/// one rule for every store. <see cref="TryClaimAsync"/> must be atomic: of two callers racing on one key, exactly one wins.
/// </summary>
public interface IWebhookDeduplicationStore
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="window"/>; <see langword="false"/> when it is already claimed (a duplicate).</summary>
    /// <param name="key">The notification's <see cref="TransactionNotification.DeduplicationKey"/>.</param>
    /// <param name="window">How long the claim lasts.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim up (its processing failed), so that a re-delivery is processed.</summary>
    /// <param name="key">The key claimed.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
