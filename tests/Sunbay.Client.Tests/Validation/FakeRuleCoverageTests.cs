using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;

namespace Sunbay.Client.Tests.Validation;

/// <summary>
/// Proves "every documented rule is checked before anything goes on the wire" for every parameter rule the fake
/// enforces: each rule family of the fake (a <c>*Rule</c> method of its engine, or a kind of spec attribute its
/// validator reads) has public requests here that break it, and the client refuses each with
/// <see cref="PaymentsValidationException"/> naming the field while the fake host records no request at all. A new fake
/// rule without a case here fails <see cref="Every_fake_rule_family_has_a_case"/>.
/// </summary>
public sealed class FakeRuleCoverageTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    // Rule family: the fake's rule method name, or "spec:" + the DataAnnotations attribute kind the spec turns into.
    private static readonly Dictionary<string, (string Rule, Func<ISunbayClient, Task> Act, string Field)> Cases = new()
    {
        // Spec rules: generated into every wire type of the kernel (openapi/templates/Class.Body.liquid), compiled into client and fake.
        ["sale without description"] = ("spec:Required", c => c.StartSaleAsync(Sale() with { Description = null! }), "description"),
        ["sale without currency"] = ("spec:Required", c => c.StartSaleAsync(Sale() with { Currency = null! }), "amount.priceCurrency"),
        ["sale without referenceOrderId"] = ("spec:Required", c => c.StartSaleAsync(Sale() with { ReferenceOrderId = null! }), "referenceOrderId"),
        ["sale terminalSn 33 chars"] = ("spec:Length", c => c.StartSaleAsync(Sale() with { TerminalSn = new string('T', 33) }), "terminalSn"),
        ["void empty description"] = ("spec:Length", c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", Description = string.Empty }), "description"),
        ["sale referenceOrderId with a space"] = ("spec:Pattern", c => c.StartSaleAsync(Sale() with { ReferenceOrderId = "ORDER 01" }), "referenceOrderId"),
        ["refund blank description"] = ("spec:Pattern", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", Description = "  " }), "description"),
        ["void original id with a space"] = ("spec:Pattern", c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "72 25" }), "originalTransactionId"),
        ["sale amount 0"] = ("spec:Range", c => c.StartSaleAsync(Sale() with { Amount = 0 }), "amount.orderAmount"),
        ["auth amount 0"] = ("spec:Range", c => c.StartAuthAsync(new AuthRequest { Amount = 0, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1" }), "amount.orderAmount"),
        ["forced auth amount 0"] = ("spec:Range", c => c.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 0, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1" }), "amount.orderAmount"),
        ["incremental amount 0"] = ("spec:Range", c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["post-auth amount 0"] = ("spec:Range", c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["refund amount 0"] = ("spec:Range", c => c.StartRefundAsync(new RefundRequest { Amount = 0, Currency = "USD", OriginalTransactionId = "1" }), "amount.orderAmount"),
        ["tip adjust negative tip"] = ("spec:Range", c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = -1, OriginalTransactionId = "1" }), "tipAmount"),
        ["sale printReceipt undefined"] = ("spec:OneOf", c => c.StartSaleAsync(Sale() with { PrintReceipt = (PrintReceipt)9 }), "printReceipt"),
        ["sale paymentMethod category undefined"] = ("spec:OneOf", c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Category = (PaymentMethodCategory)(-1) } }), "paymentMethod.category"),
        ["sale tip no values"] = ("spec:MinItems", c => c.StartSaleAsync(Sale() with { TipConfig = Tips([]) }), "tipConfig.suggestions.values"),
        ["sale tip 4 values"] = ("spec:MaxItems", c => c.StartSaleAsync(Sale() with { TipConfig = Tips([1, 2, 3, 4]) }), "tipConfig.suggestions.values"),

        // Cross-field rules of the fake's engine (defined in FakeEngine.Rules.cs, applied per push in FakeEngine.Push.cs).
        ["sale timeExpire 2 minutes"] = ("TimeExpireRule", c => c.StartSaleAsync(Sale() with { ExpiresAt = Now.AddMinutes(2) }), "timeExpire"),
        ["auth timeExpire 2 days"] = ("TimeExpireRule", c => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", ExpiresAt = Now.AddDays(2) }), "timeExpire"),
        ["unreferenced refund timeExpire past"] = ("TimeExpireRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1", ExpiresAt = Now.AddMinutes(-1) }), "timeExpire"),
        ["sale subId without EBT category"] = ("PaymentMethodRule", c => c.StartSaleAsync(Sale() with { PaymentMethod = new PaymentMethod { Id = "EBT", SubId = PaymentMethodSubId.Snap } }), "paymentMethod.subId"),
        ["forced auth subId with CARD"] = ("PaymentMethodRule", c => c.StartForcedAuthAsync(new ForcedAuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card, Id = "EBT", SubId = PaymentMethodSubId.Voucher } }), "paymentMethod.subId"),
        ["auth cardNetworkType without CARD"] = ("PaymentMethodRule", c => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", CardNetworkType = CardNetworkType.Credit }), "cardNetworkType"),
        ["unreferenced refund subId with id VISA"] = ("PaymentMethodRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1", PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Ebt, Id = "VISA", SubId = PaymentMethodSubId.Benefit } }), "paymentMethod.subId"),
        ["sale signature without location"] = ("SignatureRule", c => c.StartSaleAsync(Sale() with { SignatureConfig = new SignatureConfig { UseHostConfig = false } }), "signatureConfig.entryLocation"),
        ["auth signature without location"] = ("SignatureRule", c => c.StartAuthAsync(new AuthRequest { Amount = 1, Currency = "USD", Description = "d", ReferenceOrderId = "ORDER-1", SignatureConfig = new SignatureConfig { UseHostConfig = false } }), "signatureConfig.entryLocation"),
        ["unreferenced refund signature without location"] = ("SignatureRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", ReferenceOrderId = "ORDER-1", SignatureConfig = new SignatureConfig { UseHostConfig = false } }), "signatureConfig.entryLocation"),
        ["sale tip names differ from values"] = ("TipConfigRule", c => c.StartSaleAsync(Sale() with { TipConfig = Tips([15, 18], ["15%"]) }), "tipConfig.suggestions.names"),
        ["sale tip negative value"] = ("TipConfigRule", c => c.StartSaleAsync(Sale() with { TipConfig = Tips([-5]) }), "tipConfig.suggestions.values"),
        ["post-auth tip infinite value"] = ("TipConfigRule", c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", TipConfig = Tips([double.PositiveInfinity]) }), "tipConfig.suggestions.values"),
        ["sale notifyUrl javascript"] = ("WebhookUrlRule", c => c.StartSaleAsync(Sale() with { NotifyUrl = "javascript:alert(1)" }), "notifyUrl"),
        ["void terminalEventNotifyUrl bare path"] = ("WebhookUrlRule", c => c.StartVoidAsync(new VoidRequest { OriginalTransactionId = "1", TerminalEventNotifyUrl = "/events" }), "terminalEventNotifyUrl"),
        ["refund notifyUrl http to a public host"] = ("WebhookUrlRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", NotifyUrl = "http://pos.example.com/hook" }), "notifyUrl"),
        ["incremental without original"] = ("OriginalRule", c => c.StartIncrementalAuthAsync(new IncrementalAuthRequest { Amount = 1, Currency = "USD" }), "originalTransactionId"),
        ["post-auth without original"] = ("OriginalRule", c => c.StartPostAuthAsync(new PostAuthRequest { Amount = 1, Currency = "USD" }), "originalTransactionId"),
        ["void without original"] = ("OriginalRule", c => c.StartVoidAsync(new VoidRequest()), "originalTransactionId"),
        ["tip adjust without original"] = ("OriginalRule", c => c.TipAdjustAsync(new TipAdjustRequest { TipAmount = 1 }), "originalTransactionId"),
        ["abort without original"] = ("OriginalRule", c => c.StartAbortAsync(new AbortRequest()), "originalTransactionId"),
        ["unreferenced refund without referenceOrderId"] = ("RefundRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD" }), "referenceOrderId"),
        ["referenced refund with paymentMethod"] = ("RefundRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", PaymentMethod = new PaymentMethod { Category = PaymentMethodCategory.Card } }), "paymentMethod"),
        ["referenced refund with cardNetworkType"] = ("RefundRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", CardNetworkType = CardNetworkType.Credit }), "cardNetworkType"),
        ["referenced refund with timeExpire"] = ("RefundRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionId = "1", ExpiresAt = Now.AddMinutes(10) }), "timeExpire"),
        ["referenced refund with signatureConfig"] = ("RefundRule", c => c.StartRefundAsync(new RefundRequest { Amount = 1, Currency = "USD", OriginalTransactionRequestId = "req-1", SignatureConfig = new SignatureConfig { UseHostConfig = true } }), "signatureConfig"),
    };

    private readonly FakeSunbayHost _host = FakeSunbayHost.Start(new FakeSunbayHostOptions { TimeProvider = new FakeTimeProvider(Now) });
    private readonly SunbayClient _client;

    public FakeRuleCoverageTests() => _client = _host.CreateClient();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Client_refuses_what_the_fake_refuses_before_any_request(string name)
    {
        var (_, act, field) = Cases[name];

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => act(_client));

        Assert.Equal(field, error.Field);
        Assert.Empty(_host.Journal);
    }

    [Fact]
    public void Every_fake_rule_family_has_a_case()
    {
        var engine = typeof(FakeSunbayHost).Assembly.GetType("Sunbay.Client.Testing.Internal.FakeEngine", throwOnError: true)!;
        var ruleMethods = engine.GetMethods(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Where(n => n.EndsWith("Rule", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        // The kinds of spec rule the generated wire types call (Sunbay.Client.Wire.WireRules, in the core both stand on).
        // "Unknown" (a field the spec does not name) has no client case: the client's wire types are generated from the spec.
        var specKinds = typeof(Sunbay.Client.Payments.ICardPayments).Assembly.GetType("Sunbay.Client.Wire.WireRules", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.Name)
            .Where(n => n is not ("Nested" or "Unknown"))
            .Select(n => "spec:" + n)
            .ToHashSet(StringComparer.Ordinal);
        var covered = Cases.Values.Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(ruleMethods);
        Assert.Contains("spec:Range", specKinds);
        Assert.Empty(ruleMethods.Concat(specKinds).Where(rule => !covered.Contains(rule)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The fake checks what the client checks because both use the one generated kernel: the fake compiles none of its
    /// own and reads and writes the wire with the client's (InternalsVisibleTo), so the two cannot read the spec
    /// differently and no kernel file is compiled into two shipped assemblies. A build that gave the fake its own
    /// reading of the spec fails here, so the few spec cases above stand for all of them.
    /// </summary>
    [Fact]
    public void The_fake_uses_the_clients_wire_kernel_and_compiles_none_of_its_own()
    {
        var client = KernelShape(typeof(SunbayClient).Assembly, "Sunbay.Client.Wire");
        var fake = typeof(FakeSunbayHost).Assembly;

        Assert.True(client.Count(m => m.Contains(".Check", StringComparison.Ordinal)) >= 50, "too few generated rule checks");
        Assert.Empty(KernelShape(fake, "Sunbay.Client.Wire"));
        Assert.Contains(fake.GetReferencedAssemblies(), a => a.Name == typeof(SunbayClient).Assembly.GetName().Name);
    }

    /// <summary>
    /// The same for CM.com: the kernel generated for Sunbay.Client.CmCom from openapi/cm-merchantapi.yaml (types,
    /// properties, rule checks and endpoint descriptors) is compiled there only, the fake CM.com host uses it, and the
    /// neutral kernel files are compiled once, into the core, never into a provider package or the fake.
    /// </summary>
    [Fact]
    public void The_fake_uses_the_CM_clients_wire_kernel_and_compiles_none_of_its_own()
    {
        var cmCom = typeof(SunbayClient).Assembly.GetName().Name + ".CmCom";
        var client = Assembly.Load(cmCom);
        var shape = KernelShape(client, "Sunbay.Client.CmCom.Wire");
        var fake = typeof(FakeSunbayHost).Assembly;

        Assert.Contains("Terminal.CheckId", shape);
        Assert.Contains("Amount.CheckCurrency", shape);
        Assert.Contains("Pagination.CheckSize", shape);
        Assert.Contains("CmComWireApi.StartTransaction", shape);
        Assert.Empty(KernelShape(fake, "Sunbay.Client.CmCom.Wire"));
        Assert.Contains(fake.GetReferencedAssemblies(), a => a.Name == cmCom);
        Assert.NotEmpty(KernelShape(typeof(Sunbay.Client.Payments.ICardPayments).Assembly, "Sunbay.Client.Wire", neutralOnly: true));
        Assert.All(new[] { typeof(SunbayClient).Assembly, client, fake }, other => Assert.Empty(KernelShape(other, "Sunbay.Client.Wire", neutralOnly: true)));
    }

    private static List<string> KernelShape(Assembly assembly, string ns, bool neutralOnly = false)
    {
        // The neutral kernel: what a CM.com kernel compiles besides its own (no SUNBAY wire type).
        string[] neutral = ["WireProblem", "WireRules", "WireEndpoint`2", "NoBody", "LenientStringConverter"];
        return [.. assembly.GetTypes()
            .Where(t => t.Namespace == ns && t.IsClass && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => !neutralOnly || neutral.Contains(t.Name))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m is PropertyInfo || m is FieldInfo { IsStatic: true, IsPublic: true } || (m is MethodInfo method && (method.Name.StartsWith("Check", StringComparison.Ordinal) || t.Name.StartsWith("Wire", StringComparison.Ordinal))))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static SaleRequest Sale() => new() { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-0001", Description = "Coffee" };

    private static TipConfig Tips(double[] values, string[]? names = null) =>
        new() { Suggestions = new TipSuggestion { FeeMode = FeeMode.Rate, Values = values, Names = names } };
}
