using Microsoft.Extensions.Options;
using Sunbay.Client.Http;
using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>Start-up validation of <see cref="SunbayClientOptions"/>: every message names the setting and says what to fix.</summary>
internal sealed class SunbayClientOptionsValidator : IValidateOptions<SunbayClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SunbayClientOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="options"/>, empty when they are valid.</summary>
    public static List<string> Collect(SunbayClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Sunbay:ApiKey is required: the API key of your SUNBAY application (sk_test_... in the sandbox).");
        }
        else if (!ApiKeyRule.IsSendable(options.ApiKey))
        {
            // Never echo the key, not even in part.
            failures.Add("Sunbay:ApiKey must hold only printable ASCII characters, without white space or control characters (check for a trailing newline, a non-breaking space or a typographic quote copied with the key): it goes into the Authorization header.");
        }

        RequireId(failures, "AppId", options.AppId);
        RequireId(failures, "MerchantId", options.MerchantId);
        if (options.TerminalSn is { Length: > 32 })
        {
            failures.Add("Sunbay:TerminalSn must be at most 32 characters.");
        }

        if (options.BaseAddress is { } address)
        {
            if (UrlRules.AddressProblem(address) is { } problem)
            {
                failures.Add($"Sunbay:BaseAddress {problem}; '{address.OriginalString}' is not allowed.");
            }
        }

        if (!Enum.IsDefined(options.Environment))
        {
            failures.Add($"Sunbay:Environment must be Production or Sandbox; '{options.Environment}' is not known.");
        }

        if (options.NotifyUrl is { } notifyUrl && UrlRules.WebhookUrlProblem(notifyUrl) is { } notifyProblem)
        {
            failures.Add($"Sunbay:NotifyUrl {notifyProblem} (leave it unset for no webhooks).");
        }

        if (options.DefaultExpiry < TimeSpan.FromMinutes(3) || options.DefaultExpiry > TimeSpan.FromDays(1))
        {
            failures.Add($"Sunbay:DefaultExpiry must be 3 minutes to 1 day (SUNBAY's timeExpire window); '{options.DefaultExpiry}' is not.");
        }

        var polling = options.Polling;
        polling.Collect("Sunbay:Polling", failures);
        if (polling.ExpiryGracePeriod < TimeSpan.Zero)
        {
            failures.Add("Sunbay:Polling:ExpiryGracePeriod must not be negative.");
        }

        PipelineOptionsRules.Collect(options, "Sunbay", failures);
        return failures;
    }

    private static void RequireId(List<string> failures, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Sunbay:{setting} is required: find it in the application details of the SUNBAY portal.");
        }
        else if (value.Length > 32)
        {
            failures.Add($"Sunbay:{setting} must be at most 32 characters.");
        }
    }
}
