namespace Sunbay.Client.Pipeline;

/// <summary>
/// What one provider's HTTP API says differently from another's, for a <see cref="PaymentsPipeline"/>: which statuses
/// are answers, how a request is authenticated, and how an error body reads. Everything else a call needs (sent once
/// unless it is a query, bounded time, redirects refused, error bodies read up to a bound, secrets masked, the SDK's
/// own exceptions, telemetry) the pipeline does the same for every provider.
/// </summary>
public abstract class PaymentsProviderDialect
{
    /// <param name="provider">
    /// The provider's name as configured and reported (<c>CardPayments:Provider</c>): lower-case letters, digits, <c>-</c>
    /// and <c>_</c>. Also the prefix of its metric names and span tags.
    /// </param>
    /// <param name="displayName">The provider's name in messages, e.g. <c>Acme Pay</c>.</param>
    protected PaymentsProviderDialect(string provider, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (!provider.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            throw new ArgumentException("must hold only lower-case letters, digits, '-' and '_'.", nameof(provider));
        }

        Provider = provider;
        DisplayName = displayName;
    }

    /// <summary>The provider's name as configured and reported.</summary>
    public string Provider { get; }

    /// <summary>The provider's name in messages.</summary>
    public string DisplayName { get; }

    /// <summary>Whether <paramref name="statusCode"/> is a successful answer whose body is the operation's answer; any 2xx by default.</summary>
    /// <param name="statusCode">The HTTP status received.</param>
    public virtual bool IsAnswer(int statusCode) => statusCode is >= 200 and <= 299;

    /// <summary>
    /// Adds the provider's authentication (and any header of its own) to one attempt. Called for each attempt, after the
    /// pipeline's headers and the body; <paramref name="apiKey"/> has been checked to be sendable in a header.
    /// </summary>
    /// <param name="request">The attempt's request.</param>
    /// <param name="apiKey">The configured API key.</param>
    public abstract void Authenticate(HttpRequestMessage request, string apiKey);

    /// <summary>
    /// The provider's error in the body of a failed answer, or <see langword="null"/> when the body says nothing the
    /// provider documents (the HTTP status is then the code). The body is read up to a bound, never whole.
    /// </summary>
    /// <param name="statusCode">The HTTP status of the failed answer.</param>
    /// <param name="body">The answer's text, possibly cut at the bound.</param>
    public virtual PaymentsProviderError? ReadError(int statusCode, string body) => null;

    /// <inheritdoc/>
    public override string ToString() => $"{DisplayName} ({Provider})";
}
