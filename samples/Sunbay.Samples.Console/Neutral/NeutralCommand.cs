using Microsoft.Extensions.Configuration;
using Sunbay.Client.Payments;
using Sunbay.Client.Testing;

namespace Sunbay.Samples.Console;

/// <summary>
/// <c>neutral</c>: a payment, its wait and a referenced refund written once against the provider-neutral
/// <see cref="ICardPayments"/>, run on the provider <c>--provider</c> names (SUNBAY by default, <c>cm</c> for CM.com).
/// <see cref="SaleAndRefundAsync"/> knows nothing of the provider: it is the code a point of sale keeps when it changes
/// provider or region. The environments register it as an application does, with <c>AddCardPayments</c>.
/// </summary>
internal static class NeutralCommand
{
    public const string Usage = """
        neutral: a payment, its wait and a referenced refund through the provider-neutral ICardPayments, the same code on
        every provider: --provider sunbay (default) or --provider cm.

        Usage: dotnet run --project samples/Sunbay.Samples.Console -- [--provider sunbay|cm] neutral [--amount N] [--currency XXX] [--terminal T]

        Options:
          --amount N        amount in minor units (default 1000 = 10.00); on SUNBAY's sandbox 9823 shows a decline
          --currency XXX    ISO 4217 currency (default USD on SUNBAY, EUR on CM.com)
          --terminal T      the terminal in the provider's form (SUNBAY serial number; CM.com {manufacturer}-{model}-{serial})

        An application chooses the provider in configuration instead (CardPayments__Provider=sunbay or cm, with
        services.AddCardPayments(configuration.GetSection("CardPayments"))); only that provider's settings are required.
        Without Sunbay__ApiKey (or CmCom__ApiKey with --provider cm) the sample runs against the provider's embedded fake.

        Exit codes: 0 done, 1 failed, 2 declined, 64 bad arguments, 78 bad configuration.
        """;

    /// <summary>Starts the environment of <c>--provider</c> and runs <see cref="SaleAndRefundAsync"/> on its <see cref="ICardPayments"/>.</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="configuration">Settings (section <c>Sunbay</c> or <c>CmCom</c>); without an API key, a fake host is used.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="fake">A fake SUNBAY host instead of starting one (tests); not disposed.</param>
    /// <param name="cmFake">A fake CM.com host instead of starting one (tests); not disposed.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The process exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(SampleArguments arguments, IConfiguration configuration, ConsoleUi ui, FakeSunbayHost? fake, FakeCmComHost? cmFake, CancellationToken cancellationToken) =>
        CommandGuard.RunAsync(ui, async () =>
        {
            if (arguments.Provider == SampleArguments.Cm)
            {
                // The terminal (--terminal, CmCom__Terminal or the fake's) is the client's configured one.
                await using var cm = await CmComEnvironment.StartAsync(configuration, arguments.Terminal, cmFake, cancellationToken);
                (cm.IsCmCom ? (Action<string>)ui.Info : ui.Warning)($"Using {cm.Description}.");
                return await SaleAndRefundAsync(cm.Payments, arguments, ui, terminal: null, cancellationToken);
            }

            await using var sunbay = await CommandEnvironment.StartAsync(configuration, new CommandEnvironmentOptions { FakeHost = fake }, cancellationToken);
            (sunbay.FakeKind is null ? (Action<string>)ui.Info : ui.Warning)($"Using {sunbay.Description}.");
            return await SaleAndRefundAsync(sunbay.Payments, arguments, ui, arguments.Terminal, cancellationToken);
        }, "start it again with the same IdempotencyKey (printed above): it is found and resumed, never charged twice", cancellationToken);

    /// <summary>
    /// A payment, its wait, and a referenced refund of it in full, on any provider. The idempotency key is stored before
    /// starting (here: printed), so that an outcome-unknown failure is reconciled by starting again with it.
    /// </summary>
    /// <param name="payments">The provider-neutral API.</param>
    /// <param name="args">The amount and currency.</param>
    /// <param name="ui">Where to write.</param>
    /// <param name="terminal">The terminal in the provider's form; <see langword="null"/> for the configured one.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns><see cref="ExitCodes.Ok"/> when both are approved, <see cref="ExitCodes.Declined"/> on a decline.</returns>
    public static async Task<int> SaleAndRefundAsync(ICardPayments payments, SampleArguments args, ConsoleUi ui, string? terminal, CancellationToken cancellationToken)
    {
        // 6 to 32 of A-Z a-z 0-9 _ -: the neutral rule every provider accepts.
        var reference = $"POS-{Guid.NewGuid():N}"[..20];
        var price = Money.FromMinorUnits(args.Amount, args.Currency);
        ui.Step($"Payment of {price} through ICardPayments, provider {payments.Provider}");
        var payment = await payments.StartPaymentAsync(
            new CardPaymentRequest { Amount = price, MerchantReference = reference, Description = "Sample sale", Terminal = terminal, IdempotencyKey = reference },
            cancellationToken);
        ui.Info($"started: operation {payment.Id}, idempotency key {reference} (store both: GetOperation resumes it after a restart)");
        var paid = await payment.WaitForCompletionAsync(cancellationToken);
        Print(ui, paid);
        if (!paid.IsApproved)
        {
            ui.Failure($"Payment {paid.Status}{Why(paid)}. No refund: nothing was charged.");
            return paid.Status == CardPaymentStatus.Declined ? ExitCodes.Declined : ExitCodes.Failed;
        }

        ui.Success("Payment approved.");
        var refundRequest = CardRefundRequest.For(paid, $"{reference}-R") with { IdempotencyKey = $"{reference}-R" };
        ui.Step($"Refund of {refundRequest.Amount} for transaction {paid.ProviderTransactionId}");
        var refund = await payments.StartRefundAsync(refundRequest, cancellationToken);
        var refunded = await refund.WaitForCompletionAsync(cancellationToken);
        Print(ui, refunded);
        if (refunded.IsApproved)
        {
            ui.Success("Refund approved.");
            return ExitCodes.Ok;
        }

        ui.Failure($"Refund {refunded.Status}{Why(refunded)}.");
        return refunded.Status == CardPaymentStatus.Declined ? ExitCodes.Declined : ExitCodes.Failed;
    }

    /// <summary>The outcome as a cashier and a receipt need it; each fact only when the provider reports it.</summary>
    private static void Print(ConsoleUi ui, CardPaymentOutcome o)
    {
        ui.Info($"{o.Kind} {o.Status}: {o.Amount}, transaction {o.ProviderTransactionId}, reference {o.MerchantReference}, terminal {o.Terminal}");
        ui.Info($"result {o.ResultCode ?? "(none)"}{(o.ResultMessage is null ? string.Empty : $" {o.ResultMessage}")}, authorisation {o.AuthorizationCode ?? "(none)"}, STAN {o.SystemTraceAuditNumber ?? "(none)"}");
        if (o.CardBrand is not null || o.MaskedCard is not null)
        {
            ui.Info($"card (for the receipt): {o.CardBrand} {o.MaskedCard}".TrimEnd());
        }
    }

    private static string Why(CardPaymentOutcome o) => o.ResultCode is null ? string.Empty : $" (result {o.ResultCode}{(o.ResultMessage is null ? string.Empty : $": {o.ResultMessage}")})";
}
