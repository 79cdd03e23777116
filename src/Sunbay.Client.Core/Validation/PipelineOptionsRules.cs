using Sunbay.Client.Http;

namespace Sunbay.Client.Validation;

/// <summary>
/// The start-up rules of the settings every client's pipeline reads (<see cref="IPipelineOptions"/>: time limits and
/// retries), with messages that name the setting under the client's configuration section. Provider-neutral: every
/// provider package builds on it.
/// </summary>
internal static class PipelineOptionsRules
{
    /// <summary>Adds a sentence to <paramref name="failures"/> for each broken rule.</summary>
    /// <param name="options">The options.</param>
    /// <param name="section">The configuration section, e.g. <c>Sunbay</c>.</param>
    /// <param name="failures">Where the problems go.</param>
    public static void Collect(IPipelineOptions options, string section, List<string> failures)
    {
        var timeouts = options.Timeouts;
        if (timeouts.Post <= TimeSpan.Zero || timeouts.GetAttempt <= TimeSpan.Zero || timeouts.GetTotal < timeouts.GetAttempt)
        {
            failures.Add($"{section}:Timeouts: Post and GetAttempt must be positive and GetTotal at least GetAttempt.");
        }

        if (options.Retry.MaxGetRetries is < 0 or > 10 || options.Retry.BaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:Retry: MaxGetRetries must be between 0 and 10 and BaseDelay not negative.");
        }
    }
}
