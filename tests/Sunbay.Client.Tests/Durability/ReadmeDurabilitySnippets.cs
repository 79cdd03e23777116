using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.Payments.Durability;

#pragma warning disable CA1822, CA1849, IDE0059, IDE0008, CS0219 // README snippets, kept verbatim: they are read, not run.

namespace Sunbay.Client.Tests.Durability;

/// <summary>
/// The C# snippets of the README's "Surviving crashes and running several instances" section, verbatim, so that the
/// build proves they compile (<see cref="Readme.ReadmeTests"/> reads this file too: edit both together).
/// </summary>
internal static class ReadmeDurabilitySnippets
{
    /// <summary>The application's orders, as the snippet's handler sees them.</summary>
    public interface IOrders
    {
        Task MarkPaidAsync(string merchantReference, string? providerTransactionId, CancellationToken cancellationToken);

        Task MarkUnpaidAsync(string merchantReference, string reason, CancellationToken cancellationToken);
    }

    public static void Registration(WebApplicationBuilder builder)
    {
        // README snippet "durability" (registration): begin
        builder.Services.AddCardPayments(builder.Configuration.GetSection("CardPayments"));
        builder.Services.AddPaymentsRedis(builder.Configuration["Redis"]!);     // several instances; leave out for one
        builder.Services.AddCardPaymentRecovery<PaymentFinished>();
        // README snippet "durability" (registration): end
    }

    // README snippet "durability" (handler): begin
    // The one place a finished payment is handled, whoever saw it: the waiting call, a webhook, another instance, or
    // the recovery service after a crash. Called once per payment across all instances sharing the journal.
    public sealed class PaymentFinished(IOrders orders) : ICardPaymentOutcomeHandler
    {
        public async Task HandleAsync(CardPaymentResolution resolution, CancellationToken ct)
        {
            var order = resolution.Entry.MerchantReference;
            if (resolution.Outcome is { IsApproved: true } paid)
            {
                await orders.MarkPaidAsync(order, paid.ProviderTransactionId, ct);
            }
            else
            {
                // Declined, cancelled, expired, or the request never reached the provider: nothing was charged.
                await orders.MarkUnpaidAsync(order, resolution.Outcome?.Status.ToString() ?? "not received", ct);
            }
        }
    }
    // README snippet "durability" (handler): end
}
