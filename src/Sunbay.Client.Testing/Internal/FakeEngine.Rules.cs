using System.Globalization;
using System.Text.RegularExpressions;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Wire;

/// <summary>
/// Cross-field rules of the push bodies (documented, not expressible in the spec). Every method named *Rule here is
/// one rule family; Sunbay.Client.Tests' FakeRuleCoverageTests holds a public request breaking each one and fails when
/// a rule here has no case there.
/// </summary>
internal sealed partial class FakeEngine
{
    private static readonly Regex TimeExpireFormat = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\z", RegexOptions.CultureInvariant);
    private static readonly TimeSpan ExpiryTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Follow-ups (incremental, post-auth, void, tip adjust, abort) name their original; blanks are refused by the spec's patterns.</summary>
    private static string? OriginalRule(IOriginalReference reference) =>
        IsReferenced(reference) ? null : "originalTransactionId or originalTransactionRequestId is required";

    private string? RefundRule(RefundRequest body)
    {
        if (!IsReferenced(body))
        {
            return string.IsNullOrEmpty(body.ReferenceOrderId)
                ? "referenceOrderId is required for a refund without originalTransactionId or originalTransactionRequestId"
                : TimeExpireRule(body.TimeExpire) ?? PaymentMethodRule(body.PaymentMethod, body.CardNetworkType) ?? SignatureRule(body.SignatureConfig);
        }

        return body.PaymentMethod is not null ? "paymentMethod applies only to a refund without an original transaction"
            : body.CardNetworkType is not null ? "cardNetworkType applies only to a refund without an original transaction"
            : body.TimeExpire is not null ? "timeExpire applies only to a refund without an original transaction"
            : body.SignatureConfig is not null ? "signatureConfig applies only to a refund without an original transaction"
            : null;
    }

    /// <summary><c>timeExpire</c>: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, 3 minutes to 1 day ahead (one second of tolerance for the dropped fraction).</summary>
    private string? TimeExpireRule(string? timeExpire)
    {
        if (timeExpire is null)
        {
            return null;
        }

        if (!TimeExpireFormat.IsMatch(timeExpire) || !TryParseIso(timeExpire, out var at))
        {
            return "timeExpire must be yyyy-MM-ddTHH:mm:ss±hh:mm";
        }

        var ahead = at - Time.GetUtcNow();
        return ahead < TimeSpan.FromMinutes(3) - ExpiryTolerance || ahead > TimeSpan.FromDays(1) + ExpiryTolerance
            ? "timeExpire must be 3 minutes to 1 day from now"
            : null;
    }

    private static string? PaymentMethodRule(PaymentMethod? method, string? networkType)
    {
        if (method?.SubId is not null && (method.Category != PaymentMethodCategory.Ebt || !string.Equals(method.Id, "EBT", StringComparison.Ordinal)))
        {
            return "paymentMethod.subId is allowed only with paymentMethod.category EBT and paymentMethod.id EBT";
        }

        return networkType is not null && method?.Category != PaymentMethodCategory.Card
            ? "cardNetworkType is allowed only with paymentMethod.category CARD"
            : null;
    }

    /// <summary>
    /// Webhook URLs are absolute https (SUNBAY asks for a public HTTPS notifyUrl); plain http is served to loopback
    /// only, so that tests and local development receive the fake's webhooks.
    /// </summary>
    private static string? WebhookUrlRule(IPushWire targets) =>
        WebhookUrlProblem(targets.NotifyUrl, "notifyUrl") ?? WebhookUrlProblem(targets.TerminalEventNotifyUrl, "terminalEventNotifyUrl");

    private static string? WebhookUrlProblem(string? url, string field) =>
        url is null ? null
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? $"{field} must be an absolute https URL (plain http only to a loopback address)"
            : null;

    private static string? SignatureRule(SignatureConfig? signature) =>
        signature is { UseHostConfig: false, EntryLocation: null } ? "signatureConfig.entryLocation is required when useHostConfig is false" : null;

    /// <summary>One suggestions object: values finite and at least 0, names (when given with items) one per value; checked even with useHostConfig.</summary>
    private static string? TipConfigRule(TipConfig? tip)
    {
        if (tip?.Suggestions is not { } suggestion)
        {
            return null;
        }

        if (suggestion.Values.Any(v => !double.IsFinite(v) || v < 0))
        {
            return "tipConfig.suggestions.values must hold finite numbers of at least 0";
        }

        return suggestion.Names is { Count: > 0 } names && names.Count != suggestion.Values.Count
            ? string.Create(CultureInfo.InvariantCulture, $"tipConfig.suggestions.names must have as many items as values ({names.Count} vs {suggestion.Values.Count})")
            : null;
    }
}
