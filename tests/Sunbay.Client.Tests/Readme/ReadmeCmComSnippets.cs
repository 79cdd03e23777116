using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sunbay.Client.CmCom;
using Sunbay.Client.Testing;

#pragma warning disable CA1822, CA1849, IDE0059, IDE0008, CS0219 // README snippets, kept verbatim: they are read, not run.

namespace Sunbay.Client.Tests.Readme;

/// <summary>
/// The C# snippets of the README's "CM.com MerchantAPI" section, verbatim, so that the build proves they compile
/// (<see cref="ReadmeTests"/> reads this file too: edit both together).
/// </summary>
internal static class ReadmeCmComSnippets
{
    /// <summary>Where the rotation snippet stores the new key: the application's secret store.</summary>
    public interface ISecretStore
    {
        Task StoreAsync(string name, string secret, CancellationToken cancellationToken);
    }

    public static async Task Registration(WebApplicationBuilder builder)
    {
        // README snippet "CM.com" (registration): begin
        // Program.cs: "CmCom": { "BaseAddress": "https://<the host CM.com gave you>/", "ApiKey": "...",
        //                        "Terminal": "SUNMI-P2lite-PL0919CQ00305" }   (or CmCom__ApiKey, ... as environment variables)
        builder.Services.AddCmComClient(builder.Configuration.GetSection("CmCom"));
        // README snippet "CM.com" (registration): end
        await Task.CompletedTask;
    }

    public static async Task PurchaseAndRefund(ICmComClient cm, CancellationToken ct)
    {
        // README snippet "CM.com" (purchase): begin
        // Inject ICmComClient. The merchant_order_reference is new for every purchase: store it before posting.
        var request = new CmComPurchaseRequest { MerchantOrderReference = "inv2112280004", Amount = 98.75m, Currency = "EUR" };
        CmComTransactionOperation purchase;
        try
        {
            purchase = await cm.StartPurchaseAsync(request, ct);
        }
        catch (CmComTransportException ex) when (ex.OutcomeUnknown)
        {
            // No answer: CM.com may have created it. Never post a second one: this finds it by its
            // merchant_order_reference in the terminal's transactions, and posts only when it is not there.
            purchase = await cm.StartOrResumePurchaseAsync(request, ct);
        }

        CmComTransaction paid = await purchase.WaitForCompletionAsync(ct);   // approved (AUTHORIZED or CLEARED), declined or cancelled
        if (paid.IsApproved)
        {
            CmComTransactionOperation refund = await cm.StartRefundAsync(CmComRefundRequest.For(paid, "inv2112280004-r"), ct);
            CmComTransaction refunded = await refund.WaitForCompletionAsync(ct);
        }
        // README snippet "CM.com" (purchase): end
    }

    public static async Task Cancel(ICmComClient cm, CmComTransactionOperation purchase, CancellationToken ct)
    {
        // README snippet "CM.com" (cancel): begin
        // The cardholder walks away: 204 (Cancelled) while no card was presented; 409 (TooLate) once one was, with the
        // transaction read right after.
        CmComCancelResult cancel = await purchase.CancelAsync(ct);
        if (cancel.Outcome == CmComCancelOutcome.TooLate && cancel.Transaction is { IsApproved: true } charged)
        {
            // Paid after all: the merchant probably wants a refund.
            await cm.StartRefundAsync(CmComRefundRequest.For(charged, "inv2112280004-r"), ct);
        }
        // README snippet "CM.com" (cancel): end
    }

    public static async Task ListsAndKeys(ICmComClient cm, ISecretStore vault, CancellationToken ct)
    {
        // README snippet "CM.com" (lists and keys): begin
        // Lists follow Link: rel="next" page after page, CmCom:PageSize entries a page (at most 100).
        await foreach (CmComTerminal terminal in cm.GetTerminalsAsync(ct))
        {
            Console.WriteLine($"{terminal.Id} in {terminal.Store?.Name}");
        }

        CmComTransaction? found = await cm.FindTransactionByReferenceAsync("inv2112280004", cancellationToken: ct);

        // Rotation: create the new key, store it, switch to it, prove it, revoke the old one.
        IReadOnlyList<CmComApiKey> keys = await cm.ListApiKeysAsync(ct);   // ids and labels, never the keys
        CmComApiKeyRotation rotation = await cm.RotateApiKeyAsync(
            new CmComApiKeyRequest { Label = "2026 2nd half" }, oldKeyId: keys[0].Id,
            async (key, token) => await vault.StoreAsync("CmCom--ApiKey", key.Key, token), ct);
        // README snippet "CM.com" (lists and keys): end
    }

    public static async Task Fake(IServiceCollection services)
    {
        // README snippet "CM.com" (fake): begin
        await using var cmFake = FakeCmComHost.CreateInMemory(new FakeCmComHostOptions { TimeProvider = new FakeClock() });
        services.AddFakeCmCom(cmFake);   // as AddFakeSunbay: address, key, first terminal, in-memory HTTP, the host's clock
        using CmComClient client = cmFake.CreateClient();                                          // or without DI
        cmFake.Terminals[0].DeclineNext("05", "Do not honour");                                    // the next card is declined
        cmFake.Faults.Enqueue(FakeEndpoint.StartTransaction, FakeFault.DropAfterRecording);   // created, answer lost
        // README snippet "CM.com" (fake): end
    }
}
