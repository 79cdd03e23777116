using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sunbay.Client;
using Sunbay.Client.CmCom;
using Sunbay.Client.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Points an application's provider client at a fake host, for tests of the application (e.g. under
/// <c>WebApplicationFactory</c>): <c>AddFakeSunbay</c> and <c>AddFakeCmCom</c> have the same shape and change the same
/// things.
/// </summary>
/// <remarks>
/// Each call changes these things, and nothing else: the client's requests go through
/// <see cref="FakeProviderHost.CreateHandler"/> (in memory, no port); its options get the host's address, API key and
/// first terminal (and SUNBAY's app and merchant IDs), after the application's own configuration, so they win; and,
/// unless <c>useHostClock</c> is false, the service collection's <see cref="TimeProvider"/> becomes the host's clock, for
/// every client and for the whole application, so that polling, retry delays and time limits run on it (with a
/// <see cref="FakeClock"/>, drive them with <see cref="FakeProviderHost.RunUntilAsync{T}"/>). Retry delays, polling
/// intervals and time limits keep the application's values: nothing is zeroed. Call it after the application
/// registered its services (e.g. in <c>ConfigureTestServices</c>); it registers the client if the application did not.
/// </remarks>
public static class FakeProviderServiceCollectionExtensions
{
    /// <summary>Makes the default Sunbay client talk to <paramref name="host"/> (see the remarks of <see cref="FakeProviderServiceCollectionExtensions"/>).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="host">The fake; give it a <see cref="FakeClock"/> to drive waits with <see cref="FakeProviderHost.RunUntilAsync{T}"/>.</param>
    /// <param name="useHostClock">Whether the service collection's <see cref="TimeProvider"/> becomes the host's clock (default); false keeps the application's.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ISunbayClientBuilder AddFakeSunbay(this IServiceCollection services, FakeSunbayHost host, bool useHostClock = true) =>
        services.AddFakeSunbay(string.Empty, host, useHostClock);

    /// <summary>Makes the named Sunbay client <paramref name="name"/> talk to <paramref name="host"/> (see the remarks of <see cref="FakeProviderServiceCollectionExtensions"/>); call it once per named client to fake.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's name (<see cref="string.Empty"/> for the default client).</param>
    /// <param name="host">The fake.</param>
    /// <param name="useHostClock">Whether the service collection's <see cref="TimeProvider"/> becomes the host's clock (default); false keeps the application's.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ISunbayClientBuilder AddFakeSunbay(this IServiceCollection services, string name, FakeSunbayHost host, bool useHostClock = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(host);

        // Registers the client if needed and returns its builder; the options action does nothing: PostConfigure wins.
        var builder = services.AddSunbayClient(name, static _ => { });
        Point<SunbayClientOptions>(services, name, host, builder.HttpClient, host.ConfigureClient, useHostClock);
        return builder;
    }

    /// <summary>Makes the default CM.com client talk to <paramref name="host"/> (see the remarks of <see cref="FakeProviderServiceCollectionExtensions"/>).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="host">The fake; give it a <see cref="FakeClock"/> to drive waits with <see cref="FakeProviderHost.RunUntilAsync{T}"/>.</param>
    /// <param name="useHostClock">Whether the service collection's <see cref="TimeProvider"/> becomes the host's clock (default); false keeps the application's.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ICmComClientBuilder AddFakeCmCom(this IServiceCollection services, FakeCmComHost host, bool useHostClock = true) =>
        services.AddFakeCmCom(string.Empty, host, useHostClock);

    /// <summary>Makes the named CM.com client <paramref name="name"/> talk to <paramref name="host"/> (see the remarks of <see cref="FakeProviderServiceCollectionExtensions"/>); call it once per named client to fake.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The client's name (<see cref="string.Empty"/> for the default client).</param>
    /// <param name="host">The fake.</param>
    /// <param name="useHostClock">Whether the service collection's <see cref="TimeProvider"/> becomes the host's clock (default); false keeps the application's.</param>
    /// <returns>The client's builder, for further settings.</returns>
    public static ICmComClientBuilder AddFakeCmCom(this IServiceCollection services, string name, FakeCmComHost host, bool useHostClock = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(host);

        var builder = services.AddCmComClient(name, static _ => { });
        Point<CmComClientOptions>(services, name, host, builder.HttpClient, host.ConfigureClient, useHostClock);
        return builder;
    }

    private static void Point<TOptions>(IServiceCollection services, string name, FakeProviderHost host, IHttpClientBuilder http, Action<TOptions> configure, bool useHostClock)
        where TOptions : class
    {
        services.PostConfigure(name, configure);
        http.ConfigurePrimaryHttpMessageHandler(host.CreateHandler);
        if (useHostClock)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(host.TimeProvider);
        }
    }
}
