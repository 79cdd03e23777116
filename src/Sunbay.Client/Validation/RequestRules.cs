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

    /// <summary>
    /// A per-request override of a configured default: <see langword="null"/> takes the default, a value is used as given,
    /// and a blank value is an error (never a silent fall-back to the default: a multi-merchant application would
    /// charge the wrong merchant). Names the missing default when neither the request nor the options give a value.
    /// </summary>
    public static string Required(string? value, string? fallback, string field, string setting) =>
        value is not null
            ? !string.IsNullOrWhiteSpace(value) ? value : throw new SunbayValidationException(field, $"must not be blank; leave it null to use the configured Sunbay:{setting}")
        : !string.IsNullOrWhiteSpace(fallback) ? fallback
        : throw new SunbayValidationException(field, $"is required: set it on the request or configure Sunbay:{setting}");

    /// <summary>subId only with the EBT method; cardNetworkType only with category CARD.</summary>
    public static void PaymentMethod(PaymentMethod? method, CardNetworkType? cardNetworkType)
    {
        if (method?.SubId is not null && !string.Equals(method.Id, "EBT", StringComparison.OrdinalIgnoreCase))
        {
            throw new SunbayValidationException("paymentMethod.subId", "is allowed only when paymentMethod.id is EBT");
        }

        if (method?.SubId is not null && method.Category == PaymentMethodCategory.Card)
        {
            throw new SunbayValidationException("paymentMethod.subId", "is not allowed with category CARD");
        }

        if (cardNetworkType is not null && method?.Category != PaymentMethodCategory.Card)
        {
            throw new SunbayValidationException("cardNetworkType", "is allowed only when paymentMethod.category is CARD (it is auto-detected otherwise)");
        }
    }

    /// <summary>entryLocation is required when the platform's signature settings are not used.</summary>
    public static void Signature(SignatureConfig? config)
    {
        if (config is { UseHostConfig: false, EntryLocation: null })
        {
            throw new SunbayValidationException("signatureConfig.entryLocation", "is required when signatureConfig.useHostConfig is false");
        }
    }

    /// <summary>Tip suggestion names and values go in pairs; values are not negative (the spec's item minimum, which NSwag does not turn into an attribute).</summary>
    public static void Tip(TipConfig? config)
    {
        var suggestions = config?.Suggestions ?? [];
        for (var i = 0; i < suggestions.Count; i++)
        {
            if (suggestions[i].Values.Any(v => v < 0 || double.IsNaN(v)))
            {
                throw new SunbayValidationException($"tipConfig.suggestions[{i}].values", "must hold numbers of at least 0");
            }

            if (suggestions[i].Names is { } names && names.Count != suggestions[i].Values.Count)
            {
                throw new SunbayValidationException($"tipConfig.suggestions[{i}].names", $"must have as many items as values ({names.Count} names, {suggestions[i].Values.Count} values)");
            }
        }
    }

    /// <summary>Operations on an earlier transaction must name it.</summary>
    public static void Original(string? originalTransactionId, string? originalTransactionRequestId)
    {
        if (string.IsNullOrEmpty(originalTransactionId) && string.IsNullOrEmpty(originalTransactionRequestId))
        {
            throw new SunbayValidationException("originalTransactionId", "or originalTransactionRequestId is required: name the original transaction");
        }
    }

    /// <summary>Closed-batch list window: both ends or neither, in order, at most 30 days.</summary>
    public static void Window(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from.HasValue != to.HasValue)
        {
            throw new SunbayValidationException(from.HasValue ? "endTime" : "startTime", "is required when the other end of the window is given (give both or neither)");
        }

        if (from is { } start && to is { } end)
        {
            if (end < start)
            {
                throw new SunbayValidationException("endTime", "must not be before startTime");
            }

            if (end - start > TimeSpan.FromDays(30))
            {
                throw new SunbayValidationException("endTime", $"must be at most 30 days after startTime (was {(end - start).TotalDays:F1} days)");
            }
        }
    }
}
