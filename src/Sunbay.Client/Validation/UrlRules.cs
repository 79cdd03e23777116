namespace Sunbay.Client.Validation;

/// <summary>
/// Rules of the URLs the SDK hands to SUNBAY (<c>notifyUrl</c>, <c>terminalEventNotifyUrl</c>) or calls itself
/// (<see cref="SunbayClientOptions.BaseAddress"/>).
/// </summary>
/// <remarks>
/// A URL must be absolute http or https. Plain http is accepted only to a loopback host (<c>localhost</c>,
/// <c>127.0.0.1</c>, <c>::1</c>): SUNBAY's servers cannot reach such a host, so it only ever serves a local fake such
/// as <c>FakeSunbayHost</c> and local development; anything SUNBAY must reach uses https (SUNBAY asks for a public HTTPS
/// notifyUrl, e.g. for online refunds). The rule itself is <see cref="AddressRule"/>, shared with the CM.com client.
/// </remarks>
internal static class UrlRules
{
    /// <summary>The documented maximum length of <c>notifyUrl</c>.</summary>
    public const int MaxWebhookUrlLength = 200;

    /// <summary>What is wrong with <paramref name="value"/> as a webhook URL, or <see langword="null"/> when it is fine.</summary>
    public static string? WebhookUrlProblem(string value)
    {
        if (value.Length > MaxWebhookUrlLength)
        {
            return $"must be at most {MaxWebhookUrlLength} characters long (was {value.Length})";
        }

        return AddressRule.Problem(value, "https://shop.example/webhooks/sunbay");
    }

    /// <summary>The webhook URLs of a push request (after the configured default was applied): each absent or a valid URL.</summary>
    public static void WebhookTargets(Wire.IPushWire request)
    {
        Check(request.NotifyUrl, "notifyUrl", "leave it null to use the configured Sunbay:NotifyUrl");
        Check(request.TerminalEventNotifyUrl, "terminalEventNotifyUrl", "leave it null for no terminal events");

        static void Check(string? value, string field, string hint)
        {
            if (value is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new PaymentsValidationException(field, $"must not be blank; {hint}");
            }

            if (WebhookUrlProblem(value) is { } problem)
            {
                throw new PaymentsValidationException(field, problem);
            }
        }
    }

    /// <summary>What is wrong with <paramref name="uri"/> as an address to call, or <see langword="null"/> when it is fine.</summary>
    public static string? AddressProblem(Uri uri) => AddressRule.Problem(uri.OriginalString, "https://open.sunbay.us/");
}
