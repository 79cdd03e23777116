using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Sunbay.Client.Telemetry;

namespace Sunbay.Client.DependencyInjection;

/// <summary>
/// Keeps a second retry layer off a Sunbay client's <see cref="HttpClient"/>. The SDK's own pipeline never retries a
/// POST; a generic resilience handler does (on exceptions even with <c>DisableForUnsafeHttpMethods</c>,
/// dotnet/extensions#6548) and would send a payment again after its answer was lost: a double charge.
/// </summary>
internal static class SunbayHandlerGuard
{
    private const string PollyV7Handler = "Microsoft.Extensions.Http.PolicyHttpMessageHandler";

    /// <summary>
    /// Drops resilience handlers configured before the Sunbay pipeline, i.e. inherited from
    /// <c>ConfigureHttpClientDefaults</c> (as .NET Aspire's service defaults add to every client), and logs it.
    /// </summary>
    public static void RemoveInherited(IList<DelegatingHandler> handlers, IServiceProvider services, string name)
    {
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            if (IsResilience(handlers[i]))
            {
                var type = handlers[i].GetType().FullName ?? handlers[i].GetType().Name;
                handlers.RemoveAt(i);
                var logger = services.GetService<ILoggerFactory>()?.CreateLogger<SunbayClient>();
                if (logger is not null)
                {
                    Log.InheritedResilienceRemoved(logger, name, type);
                }
            }
        }
    }

    /// <summary>
    /// Fails when the built handler chain of client <paramref name="name"/> holds a resilience handler (one added on
    /// <see cref="ISunbayClientBuilder.HttpClient"/> after <c>AddSunbayClient</c>): the SDK's own strategies run above
    /// the <see cref="HttpClient"/>, and a second layer below them would re-send payments.
    /// </summary>
    public static void EnsureNoResilienceHandler(HttpMessageHandler chain, string name)
    {
        var foreign = new List<string>();
        for (var current = chain as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            if (IsResilience(current))
            {
                foreign.Add(current.GetType().FullName ?? current.GetType().Name);
            }
        }

        if (foreign.Count > 0)
        {
            var label = name.Length == 0 ? "The default Sunbay client" : $"Sunbay client '{name}'";
            throw new InvalidOperationException(
                $"{label} has another resilience handler on its HttpClient ({string.Join(", ", foreign)}). Sunbay.Client has its own pipeline, " +
                "which retries queries and never retries a payment; a second retry or hedging layer re-sends a POST whose answer was lost " +
                "(even with DisableForUnsafeHttpMethods, see dotnet/extensions#6548) and can charge a card twice. Remove the " +
                "AddStandardResilienceHandler / AddStandardHedgingHandler / AddResilienceHandler / AddPolicyHandler call made on the Sunbay " +
                "client's IHttpClientBuilder, and tune SunbayClientOptions.Retry and SunbayClientOptions.Timeouts instead.");
        }
    }

    private static bool IsResilience(DelegatingHandler handler) =>
        handler is ResilienceHandler || string.Equals(handler.GetType().FullName, PollyV7Handler, StringComparison.Ordinal);
}
