namespace Sunbay.Client;

/// <summary>The SUNBAY Nexus environment a client talks to when no <see cref="SunbayClientOptions.BaseAddress"/> is set.</summary>
public enum SunbayEnvironment
{
    /// <summary>Live payments at <c>https://open.sunbay.us</c>.</summary>
    Production = 0,

    /// <summary>The UAT sandbox at <c>https://open.sunbay-uat.us</c>: simulated transactions, test keys.</summary>
    Sandbox = 1,
}
