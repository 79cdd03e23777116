using Sunbay.Client.Testing;

namespace Sunbay.Client.CmCom.Tests.Reliability;

/// <summary>A real <see cref="CmComClient"/> on a <see cref="FakeCmComHost"/>'s in-memory handler and clock.</summary>
internal static class ReliabilityClients
{
    /// <summary>The fake's default terminal, the client's configured one.</summary>
    public const string Terminal = "SUNMI-P2lite-FAKE0000001";

    public static CmComClient Create(FakeCmComHost host, FakeClock clock)
    {
        var options = new CmComClientOptions { BaseAddress = host.BaseAddress, ApiKey = host.ApiKey!, Terminal = Terminal };
        options.Retry.BaseDelay = TimeSpan.Zero; // GET retries at once: the clock moves only for the terminal and latency
        return new CmComClient(options, host.CreateHandler(), clock);
    }
}
