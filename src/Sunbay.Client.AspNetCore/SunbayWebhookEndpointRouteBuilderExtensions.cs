using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client;
using Sunbay.Client.AspNetCore;
using Sunbay.Client.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the SUNBAY webhook endpoint.</summary>
public static class SunbayWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> that receives SUNBAY transaction webhooks (register the services
    /// with <c>services.AddSunbayWebhooks(...)</c> first).
    /// </summary>
    /// <remarks>
    /// <para>For each delivery the endpoint reads the raw body (no model binding; at most
    /// <see cref="SunbayWebhookOptions.MaxBodyBytes"/>), verifies it with <see cref="SunbayWebhookVerifier"/> and answers
    /// 401 (bad signature or timestamp out of range), 400 (missing or malformed header, malformed body) or 413 (too large).
    /// A verified delivery is claimed in the <see cref="IWebhookDeduplicationStore"/> under
    /// <see cref="TransactionNotification.DeduplicationKey"/> (the transaction and its status, which the signature covers;
    /// not the unsigned <c>X-Client-Request-Id</c>, so a replay with new headers is caught too) for
    /// <see cref="SunbayWebhookOptions.DeduplicationWindow"/>; a duplicate is answered 200 without running anything. A
    /// first delivery is published to the <see cref="ITransactionNotificationBus"/> (so a <see cref="TransactionOperation"/>
    /// waiting for it, in this process or, with a shared bus, in another, completes before its next poll) and then given
    /// to <paramref name="handler"/>.</para>
    /// <para><b>The handler is bounded, not queued.</b> The endpoint waits for it up to
    /// <see cref="SunbayWebhookOptions.AcknowledgementTimeout"/> (default 3 s). If it finishes in time the answer tells
    /// SUNBAY the truth: 200 when it succeeded, 500 when it threw (the claim is released, so SUNBAY's retry is processed):
    /// delivery is at least once and processing once, with no durable queue to run. A queue that answers 200 before the
    /// handler runs would lose the notification if the process stopped or the handler failed, and SUNBAY would never
    /// retry. If the handler is still running at the timeout, the endpoint answers 200 anyway (SUNBAY gives up after 5 s
    /// and would retry a notification already being processed) and the handler goes on in the background; should it
    /// then fail, the error is logged and the claim released. Keep handlers short, or hand long work to your own queue.</para>
    /// <para>The handler's <see cref="CancellationToken"/> is cancelled when the application stops, not when the
    /// request ends, since the handler may outlive the request.</para>
    /// </remarks>
    /// <param name="endpoints">The route builder (e.g. the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/sunbay</c> (the path of the <c>notifyUrl</c> you give SUNBAY).</param>
    /// <param name="handler">Called once per verified notification.</param>
    /// <returns>The endpoint's convention builder (for host filters, rate limiting and the like; not authorisation: SUNBAY sends no credentials but the signature).</returns>
    public static IEndpointConventionBuilder MapSunbayWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<TransactionNotification, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoints.MapSunbayWebhooks(pattern, (notification, _, cancellationToken) => handler(notification, cancellationToken));
    }

    /// <summary>
    /// Maps the SUNBAY webhook endpoint with a handler that receives a service provider of its own scope (created per
    /// notification and disposed after the handler, which may outlive the request). Otherwise as
    /// <see cref="MapSunbayWebhooks(IEndpointRouteBuilder, string, Func{TransactionNotification, CancellationToken, Task})"/>.
    /// </summary>
    /// <param name="endpoints">The route builder (e.g. the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/sunbay</c>.</param>
    /// <param name="handler">Called once per verified notification, with a scoped service provider.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapSunbayWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Func<TransactionNotification, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        var processor = endpoints.ServiceProvider.GetService<SunbayWebhookProcessor>()
            ?? throw new InvalidOperationException("MapSunbayWebhooks needs services.AddSunbayWebhooks(...) to be called first.");
        return endpoints.MapPost(pattern, context => processor.HandleAsync(context, handler))
            .WithDisplayName("SUNBAY webhooks " + pattern);
    }
}
