using Sunbay.Client.Http;

namespace Sunbay.Client.Pipeline;

/// <summary>
/// The settings of a <see cref="PaymentsPipeline"/>: where a provider's API is, the key it is called with, and the time
/// limits and retries of its calls. A provider's own options type holds these for its users; the pipeline reads them at
/// each call.
/// </summary>
public sealed class PaymentsPipelineOptions : IPipelineOptions
{
    /// <summary>The provider's API address; relative paths of <see cref="PaymentsEndpoint{TAnswer}"/> resolve against it.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key the <see cref="PaymentsProviderDialect"/> authenticates with; masked out of every message, log and tag.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time limits of one call and of its attempts.</summary>
    public ClientTimeoutOptions Timeouts { get; set; } = new();

    /// <summary>Retries of queries (GET); nothing else is ever retried.</summary>
    public ClientRetryOptions Retry { get; set; } = new();

    /// <summary>The address; never the key.</summary>
    public override string ToString() => $"PaymentsPipelineOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(ApiKey is null ? "(none)" : "***")} }}";

    Uri IPipelineOptions.ResolveBaseAddress() =>
        BaseAddress ?? throw new PaymentsConfigurationException(["BaseAddress is required: the provider's API address."]);

    /// <summary>What is wrong with these settings, one sentence a rule; empty when they are usable.</summary>
    internal List<string> Validate()
    {
        var failures = new List<string>();
        if (BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
        {
            failures.Add("BaseAddress must be an absolute https address (http only on loopback, for a test server).");
        }

        if (ApiKey is null || !ApiKeyRule.IsSendable(ApiKey))
        {
            failures.Add("ApiKey is required and may hold only printable ASCII without white space.");
        }

        if (Timeouts is null || Retry is null)
        {
            failures.Add("Timeouts and Retry are required.");
        }
        else
        {
            Validation.PipelineOptionsRules.Collect(this, "Pipeline", failures);
        }

        return failures;
    }
}
