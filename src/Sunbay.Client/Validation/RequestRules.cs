namespace Sunbay.Client.Validation;

/// <summary>Documented rules that the OpenAPI spec cannot express (they relate fields to each other or to the clock).</summary>
internal static class RequestRules
{
    private static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(1);

    /// <summary>
    /// <c>timeExpire</c>: 3 minutes to 1 day from now (docs: sale, auth, forced-auth, unreferenced refund), checked as it
    /// goes on the wire: in whole seconds, the fraction dropped, which may take it under the minimum.
    /// </summary>
    public static void ExpiresAt(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } requested)
        {
            return;
        }

        var at = requested.AddTicks(-(requested.Ticks % TimeSpan.TicksPerSecond));
        var ahead = at - now;
        if (ahead < MinExpiry || ahead > MaxExpiry)
        {
            throw new PaymentsValidationException("timeExpire", $"must be 3 minutes to 1 day from now (was {ahead:g} ahead)");
        }
    }

    /// <summary>
    /// A referenced refund names an original and carries nothing that applies only to an unreferenced one (D-REF:
    /// timeExpire, paymentMethod, cardNetworkType, signatureConfig); an unreferenced one needs a referenceOrderId.
    /// </summary>
    public static void Refund(RefundRequest request)
    {
        OriginalIds(request.OriginalTransactionId, request.OriginalTransactionRequestId);
        if (request.IsReferenced)
        {
            const string UnreferencedOnly = "applies only to an unreferenced refund (one without originalTransactionId and originalTransactionRequestId)";
            var field = request.ExpiresAt is not null ? "timeExpire"
                : request.PaymentMethod is not null ? "paymentMethod"
                : request.CardNetworkType is not null ? "cardNetworkType"
                : request.SignatureConfig is not null ? "signatureConfig"
                : null;
            if (field is not null)
            {
                throw new PaymentsValidationException(field, UnreferencedOnly);
            }
        }
        else if (string.IsNullOrEmpty(request.ReferenceOrderId))
        {
            throw new PaymentsValidationException("referenceOrderId", "is required for an unreferenced refund (one without originalTransactionId and originalTransactionRequestId)");
        }
    }

    /// <summary>
    /// A per-request override of a configured default: <see langword="null"/> takes the default, a value is used as given,
    /// and a blank value is an error (never a silent fall-back to the default: a multi-merchant application would
    /// charge the wrong merchant). Names the missing default when neither the request nor the options give a value.
    /// </summary>
    public static string Required(string? value, string? fallback, string field, string setting) =>
        value is not null
            ? !string.IsNullOrWhiteSpace(value) ? value : throw new PaymentsValidationException(field, $"must not be blank; leave it null to use the configured Sunbay:{setting}")
        : !string.IsNullOrWhiteSpace(fallback) ? fallback
        : throw new PaymentsValidationException(field, $"is required: set it on the request or configure Sunbay:{setting}");

    /// <summary>subId only with category EBT and id EBT; cardNetworkType only with category CARD.</summary>
    public static void PaymentMethod(PaymentMethod? method, CardNetworkType? cardNetworkType)
    {
        if (method?.SubId is not null && (method.Category != PaymentMethodCategory.Ebt || !string.Equals(method.Id, "EBT", StringComparison.Ordinal)))
        {
            throw new PaymentsValidationException("paymentMethod.subId", "is allowed only when paymentMethod.category is EBT and paymentMethod.id is EBT");
        }

        if (cardNetworkType is not null && method?.Category != PaymentMethodCategory.Card)
        {
            throw new PaymentsValidationException("cardNetworkType", "is allowed only when paymentMethod.category is CARD (it is auto-detected otherwise)");
        }
    }

    /// <summary>entryLocation is required when the platform's signature settings are not used.</summary>
    public static void Signature(SignatureConfig? config)
    {
        if (config is { UseHostConfig: false, EntryLocation: null })
        {
            throw new PaymentsValidationException("signatureConfig.entryLocation", "is required when signatureConfig.useHostConfig is false");
        }
    }

    /// <summary>
    /// Tip suggestion values are finite and not negative (the spec's item minimum, which NSwag does not turn into an
    /// attribute; JSON has no NaN or infinity); names, when given, go with the values one to one. Checked whether or not
    /// useHostConfig is set: malformed suggestions are malformed either way.
    /// </summary>
    public static void Tip(TipConfig? config)
    {
        if (config?.Suggestions is not { } suggestions)
        {
            return;
        }

        if (suggestions.Values.Any(v => !double.IsFinite(v) || v < 0))
        {
            throw new PaymentsValidationException("tipConfig.suggestions.values", "must hold finite numbers of at least 0 (no NaN or infinity)");
        }

        if (suggestions.Names is { Count: > 0 } names && names.Count != suggestions.Values.Count)
        {
            throw new PaymentsValidationException("tipConfig.suggestions.names", $"must have as many items as values ({names.Count} names, {suggestions.Values.Count} values)");
        }
    }

    /// <summary>Operations on an earlier transaction (abort included) must name it, and a name given is never blank.</summary>
    public static void Original(string? originalTransactionId, string? originalTransactionRequestId)
    {
        OriginalIds(originalTransactionId, originalTransactionRequestId);
        if (originalTransactionId is null && originalTransactionRequestId is null)
        {
            throw new PaymentsValidationException("originalTransactionId", "or originalTransactionRequestId is required: name the original transaction");
        }
    }

    /// <summary>An original ID is either unset or a real value: blank is an error, never a silent fallback to "not given".</summary>
    private static void OriginalIds(string? originalTransactionId, string? originalTransactionRequestId)
    {
        if (originalTransactionId is not null && string.IsNullOrWhiteSpace(originalTransactionId))
        {
            throw new PaymentsValidationException("originalTransactionId", "must not be blank: leave it unset (null) or give SUNBAY's transaction ID");
        }

        if (originalTransactionRequestId is not null && string.IsNullOrWhiteSpace(originalTransactionRequestId))
        {
            throw new PaymentsValidationException("originalTransactionRequestId", "must not be blank: leave it unset (null) or give the original's transactionRequestId");
        }
    }

    /// <summary>Closed-batch list window: both ends or neither, in order, at most 30 days.</summary>
    public static void Window(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from.HasValue != to.HasValue)
        {
            throw new PaymentsValidationException(from.HasValue ? "endTime" : "startTime", "is required when the other end of the window is given (give both or neither)");
        }

        if (from is { } start && to is { } end)
        {
            if (end < start)
            {
                throw new PaymentsValidationException("endTime", "must not be before startTime");
            }

            if (end - start > TimeSpan.FromDays(30))
            {
                throw new PaymentsValidationException("endTime", $"must be at most 30 days after startTime (was {(end - start).TotalDays:F1} days)");
            }
        }
    }
}
