using Microsoft.Extensions.Options;
using Sunbay.Client.CmCom.Validation;
using Sunbay.Client.Http;
using Sunbay.Client.Validation;

namespace Sunbay.Client.CmCom.Configuration;

/// <summary>Start-up validation of <see cref="CmComClientOptions"/>: every message names the setting (<c>CmCom:ApiKey</c>, ...) and says what to fix.</summary>
internal sealed class CmComClientOptionsValidator : IValidateOptions<CmComClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CmComClientOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of <paramref name="options"/>, empty when they are valid.</summary>
    public static List<string> Collect(CmComClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("CmCom:ApiKey is required: the API key CM.com issued for the MerchantAPI (sent in the API-Key header).");
        }
        else if (!ApiKeyRule.IsSendable(options.ApiKey))
        {
            // Never echo the key, not even in part.
            failures.Add("CmCom:ApiKey must hold only printable ASCII characters, without white space or control characters (check for a trailing newline, a non-breaking space or a typographic quote copied with the key): it goes into the API-Key header.");
        }

        if (options.BaseAddress is null)
        {
            failures.Add("CmCom:BaseAddress is required: the MerchantAPI address CM.com gave you (its guide names no host, so there is no default).");
        }
        else if (AddressRule.Problem(options.BaseAddress.OriginalString, "https://merchantapi.example.payplaza.com/") is { } problem)
        {
            failures.Add($"CmCom:BaseAddress {problem}; '{options.BaseAddress.OriginalString}' is not allowed.");
        }

        if (options.Terminal is { } terminal && CmComRules.TerminalIdProblem(terminal) is { } terminalProblem)
        {
            failures.Add($"CmCom:Terminal {terminalProblem} (leave it unset to name the terminal on each call).");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"CmCom:PageSize must be 1 to 100 (CM.com's page size); {options.PageSize} is not.");
        }

        var polling = options.Polling;
        polling.Collect("CmCom:Polling", failures);
        if (polling.ClearingMaxInterval < polling.MaxInterval)
        {
            failures.Add("CmCom:Polling:ClearingMaxInterval must not be below CmCom:Polling:MaxInterval.");
        }

        PipelineOptionsRules.Collect(options, "CmCom", failures);
        return failures;
    }
}
