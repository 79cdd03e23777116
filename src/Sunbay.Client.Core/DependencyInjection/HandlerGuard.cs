using Microsoft.Extensions.Http.Resilience;

namespace Sunbay.Client.DependencyInjection;

/// <summary>
/// Keeps a second retry layer off the <see cref="HttpClient"/> of a client of the SDK (SUNBAY's or CM.com's). The SDK's
/// own pipeline never retries a POST; a generic resilience handler does (on exceptions even with
/// <c>DisableForUnsafeHttpMethods</c>, dotnet/extensions#6548) and would send a payment again after its answer was lost: a
/// double charge. Provider-neutral: every provider package builds on it.
/// </summary>
internal static class HandlerGuard
{
    private const string PollyV7Handler = "Microsoft.Extensions.Http.PolicyHttpMessageHandler";

    /// <summary>
    /// Drops resilience handlers configured before the client's own pipeline, i.e. inherited from
    /// <c>ConfigureHttpClientDefaults</c> (as .NET Aspire's service defaults add to every client).
    /// </summary>
    /// <param name="handlers">The client's additional handlers.</param>
    /// <param name="removed">Told the type of each handler removed, to log it.</param>
    public static void RemoveInherited(IList<DelegatingHandler> handlers, Action<string> removed)
    {
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            if (IsResilience(handlers[i]))
            {
                var type = handlers[i].GetType().FullName ?? handlers[i].GetType().Name;
                handlers.RemoveAt(i);
                removed(type);
            }
        }
    }

    /// <summary>
    /// Fails when the built handler chain of client <paramref name="name"/> holds a resilience handler (one added on the
    /// client builder's <c>HttpClient</c> after registration): the SDK's own strategies run above the
    /// <see cref="HttpClient"/>, and a second layer below them would re-send payments.
    /// </summary>
    /// <param name="chain">The client's built handler chain.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="kind">The kind of client in the message, e.g. <c>Sunbay</c>.</param>
    /// <param name="optionsType">Its options type, whose Retry and Timeouts to tune instead.</param>
    public static void EnsureNoResilienceHandler(HttpMessageHandler chain, string name, string kind, string optionsType)
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
            var label = name.Length == 0 ? $"The default {kind} client" : $"{kind} client '{name}'";
            throw new InvalidOperationException(
                $"{label} has another resilience handler on its HttpClient ({string.Join(", ", foreign)}). Sunbay.Client has its own pipeline, " +
                "which retries queries and never retries a payment; a second retry or hedging layer re-sends a POST whose answer was lost " +
                "(even with DisableForUnsafeHttpMethods, see dotnet/extensions#6548) and can charge a card twice. Remove the " +
                $"AddStandardResilienceHandler / AddStandardHedgingHandler / AddResilienceHandler / AddPolicyHandler call made on the {kind} " +
                $"client's IHttpClientBuilder, and tune {optionsType}.Retry and {optionsType}.Timeouts instead.");
        }
    }

    private static bool IsResilience(DelegatingHandler handler) =>
        handler is ResilienceHandler || string.Equals(handler.GetType().FullName, PollyV7Handler, StringComparison.Ordinal);
}
