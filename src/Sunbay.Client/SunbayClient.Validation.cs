using Sunbay.Client.Validation;

namespace Sunbay.Client;

/// <summary>The last check of a wire request before it is sent.</summary>
public sealed partial class SunbayClient
{
    /// <summary>
    /// The spec's rules (<see cref="WireValidator"/>) and the rules of its webhook URLs, which the spec cannot express
    /// (absolute http or https, https unless loopback). Runs before any I/O, including a refund's guard query.
    /// </summary>
    private static void ValidateWire(object wire)
    {
        WireValidator.Validate(wire);
        if (wire is Wire.IWebhookTargets targets)
        {
            UrlRules.WebhookTargets(targets);
        }
    }
}
