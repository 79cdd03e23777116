namespace Sunbay.Client.Validation;

/// <summary>Documented rules that the OpenAPI spec cannot express (they relate fields to each other or to the clock).</summary>
internal static class RequestRules
{
    private static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(1);

    /// <summary><c>timeExpire</c>: 3 minutes to 1 day from now (docs: sale, auth, forced-auth, unreferenced refund).</summary>
    public static void ExpiresAt(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } at)
        {
            return;
        }

        var ahead = at - now;
        if (ahead < MinExpiry || ahead > MaxExpiry)
        {
            throw new SunbayValidationException("timeExpire", $"must be 3 minutes to 1 day from now (was {ahead:g} ahead)");
        }
    }

    /// <summary>A referenced refund names an original; an unreferenced one needs a referenceOrderId and nothing referenced-only.</summary>
    public static void Refund(RefundRequest request)
    {
        if (request.IsReferenced)
        {
            if (request.ExpiresAt is not null)
            {
                throw new SunbayValidationException("timeExpire", "applies only to an unreferenced refund (one without originalTransactionId and originalTransactionRequestId)");
            }
        }
        else if (string.IsNullOrEmpty(request.ReferenceOrderId))
        {
            throw new SunbayValidationException("referenceOrderId", "is required for an unreferenced refund (one without originalTransactionId and originalTransactionRequestId)");
        }
    }

    /// <summary>Names the missing default when neither the request nor the options give a value.</summary>
    public static string Required(string? value, string? fallback, string field, string setting) =>
        !string.IsNullOrWhiteSpace(value) ? value
        : !string.IsNullOrWhiteSpace(fallback) ? fallback
        : throw new SunbayValidationException(field, $"is required: set it on the request or configure Sunbay:{setting}");
}
