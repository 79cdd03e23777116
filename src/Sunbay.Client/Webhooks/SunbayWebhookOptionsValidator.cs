using Microsoft.Extensions.Options;

namespace Sunbay.Client.Webhooks;

/// <summary>Validates <see cref="SunbayWebhookOptions"/> at start-up; messages name the setting, never a secret's value.</summary>
public sealed class SunbayWebhookOptionsValidator : IValidateOptions<SunbayWebhookOptions>
{
    /// <summary>The largest <see cref="SunbayWebhookOptions.MaxBodyBytes"/> allowed: 16 MiB.</summary>
    public const int MaxBodyBytesLimit = 16 * 1024 * 1024;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SunbayWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="options"/>, empty when they are valid.</summary>
    /// <param name="options">The options to check.</param>
    public static IReadOnlyList<string> Collect(SunbayWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Secrets.Count == 0)
        {
            failures.Add("Sunbay:Webhooks:Secrets must list at least one webhook signing secret (Sunbay__Webhooks__Secrets__0).");
        }

        for (var i = 0; i < options.Secrets.Count; i++)
        {
            var secret = options.Secrets[i];
            if (string.IsNullOrWhiteSpace(secret))
            {
                failures.Add($"Sunbay:Webhooks:Secrets:{i} is empty.");
            }
            else if (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[^1]) || secret.Any(char.IsControl))
            {
                failures.Add($"Sunbay:Webhooks:Secrets:{i} starts or ends with white space or holds a control character (check for a trailing newline).");
            }
        }

        if (options.Tolerance <= TimeSpan.Zero)
        {
            failures.Add("Sunbay:Webhooks:Tolerance must be positive (default 00:05:00).");
        }

        if (options.MaxBodyBytes is <= 0 or > MaxBodyBytesLimit)
        {
            failures.Add($"Sunbay:Webhooks:MaxBodyBytes must be between 1 and {MaxBodyBytesLimit} (default {SunbayWebhookOptions.DefaultMaxBodyBytes}).");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add("Sunbay:Webhooks:DeduplicationWindow must be positive (default 1.00:00:00).");
        }

        if (options.AcknowledgementTimeout <= TimeSpan.Zero || options.AcknowledgementTimeout >= TimeSpan.FromSeconds(5))
        {
            failures.Add("Sunbay:Webhooks:AcknowledgementTimeout must be positive and below 5 seconds, SUNBAY's limit (default 00:00:03).");
        }

        return failures;
    }
}
