using Sunbay.Client.Payments;

namespace Sunbay.Client.Tests.Payments;

/// <summary>
/// One set of request rules for every provider: the same cases run against each provider's fake, and a request is
/// either accepted by all of them or refused by all of them, before anything is sent, with an error that names the
/// property and the rule. The cases sit on both sides of each provider's own limits (a merchant reference SUNBAY takes
/// and CM.com does not, and the reverse).
/// </summary>
public sealed class NeutralRequestRulesTests
{
    public static TheoryData<string, string> RefusedPayments()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sunbay", "cm" })
        {
            foreach (var name in RefusedPaymentCases.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    public static TheoryData<string, string> AcceptedPayments()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sunbay", "cm" })
        {
            foreach (var name in AcceptedPaymentCases.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    public static TheoryData<string, string> RefusedRefunds()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sunbay", "cm" })
        {
            foreach (var name in RefusedRefundCases.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    /// <summary>Each case: the property the error must name, and the request built in the fixture's currency.</summary>
    private static readonly Dictionary<string, (string Field, Func<string, CardPaymentRequest> Build)> RefusedPaymentCases = new()
    {
        ["reference of 5 characters (both refuse fewer than 6: SUNBAY's minimum)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ABC12" }),
        ["reference of 33 characters (SUNBAY's maximum is 32)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = new string('A', 33) }),
        ["reference of 40 characters (CM.com takes 64)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = new string('B', 40) }),
        ["reference with a dot (CM.com takes it, SUNBAY does not)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ORDER.000001" }),
        ["reference with a bar (SUNBAY takes it, CM.com does not)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ORDER|000001" }),
        ["reference with a star (SUNBAY takes it, CM.com does not)"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ORDER*000001" }),
        ["reference with a trailing newline"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ORDER-000001\n" }),
        ["reference with a non-ASCII letter"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "ORDÉR-000001" }),
        ["blank reference"] = ("MerchantReference", c => Payment(c) with { MerchantReference = "      " }),
        ["description of 129 characters"] = ("Description", c => Payment(c) with { Description = new string('d', 129) }),
        ["blank description"] = ("Description", c => Payment(c) with { Description = "  " }),
        ["amount of a billion"] = ("Amount", c => Payment(c) with { Amount = new Money(1_000_000_000m, c) }),
        ["amount without a currency"] = ("Amount", c => Payment(c) with { Amount = default }),
        ["idempotency key of 33 characters"] = ("IdempotencyKey", c => Payment(c) with { IdempotencyKey = new string('K', 33) }),
        ["idempotency key with a space"] = ("IdempotencyKey", c => Payment(c) with { IdempotencyKey = "KEY 1" }),
        ["idempotency key with a trailing newline"] = ("IdempotencyKey", c => Payment(c) with { IdempotencyKey = "KEY-1\n" }),
        ["blank terminal"] = ("Terminal", c => Payment(c) with { Terminal = " " }),
    };

    private static readonly Dictionary<string, Func<string, CardPaymentRequest>> AcceptedPaymentCases = new()
    {
        ["reference of 6 characters with _ and -"] = c => Payment(c) with { MerchantReference = "A_b-9z" },
        ["reference of 32 characters"] = c => Payment(c) with { MerchantReference = new string('R', 31) + "9" },
        ["description of 128 characters"] = c => Payment(c) with { Description = new string('d', 128) },
        ["amount of 999,999,999"] = c => Payment(c) with { Amount = new Money(999_999_999m, c) },
        ["amount of one cent"] = c => Payment(c) with { Amount = new Money(0.01m, c) },
        ["idempotency key of 32 characters"] = c => Payment(c) with { IdempotencyKey = new string('k', 30) + "_-" },
    };

    private static readonly Dictionary<string, (string Field, Func<string, CardRefundRequest> Build)> RefusedRefundCases = new()
    {
        ["original transaction of 65 characters"] = ("OriginalTransactionId", c => Refund(c) with { OriginalTransactionId = new string('1', 65) }),
        ["original transaction with a slash"] = ("OriginalTransactionId", c => Refund(c) with { OriginalTransactionId = "123/456" }),
        ["original transaction with a space"] = ("OriginalTransactionId", c => Refund(c) with { OriginalTransactionId = "123 456" }),
        ["original transaction with a trailing newline"] = ("OriginalTransactionId", c => Refund(c) with { OriginalTransactionId = "123456\n" }),
        ["refund reference with a dot"] = ("MerchantReference", c => Refund(c) with { MerchantReference = "REFUND.0001" }),
        ["refund description of 129 characters"] = ("Description", c => Refund(c) with { Description = new string('d', 129) }),
    };

    [Theory]
    [MemberData(nameof(RefusedPayments))]
    public async Task A_payment_breaking_a_neutral_rule_is_refused_by_every_provider_before_anything_is_sent(string provider, string name)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        var (field, build) = RefusedPaymentCases[name];

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => fixture.Payments.StartPaymentAsync(build(fixture.Currency)));

        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Rule));
        Assert.Equal(0, fixture.RecordedRequests);
    }

    [Theory]
    [MemberData(nameof(AcceptedPayments))]
    public async Task A_payment_within_the_neutral_rules_is_accepted_by_every_provider(string provider, string name)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);

        var payment = await fixture.Payments.StartPaymentAsync(AcceptedPaymentCases[name](fixture.Currency));
        var outcome = await fixture.RunAsync(payment.WaitForCompletionAsync());

        Assert.Equal(CardPaymentStatus.Approved, outcome.Status);
    }

    [Theory]
    [MemberData(nameof(RefusedRefunds))]
    public async Task A_refund_breaking_a_neutral_rule_is_refused_by_every_provider_before_anything_is_sent(string provider, string name)
    {
        await using var fixture = CardPaymentsFixtures.Create(provider);
        var (field, build) = RefusedRefundCases[name];

        var error = await Assert.ThrowsAsync<PaymentsValidationException>(() => fixture.Payments.StartRefundAsync(build(fixture.Currency)));

        Assert.Equal(field, error.Field);
        Assert.Equal(0, fixture.RecordedRequests);
    }

    [Fact]
    public void The_error_names_the_rule_and_not_the_value()
    {
        var request = Payment("EUR") with { MerchantReference = "4111111111111111111111111111111111" };

        var error = Assert.Throws<PaymentsValidationException>(request.Validate);

        Assert.Contains("6 to 32 characters of A-Z a-z 0-9 _ -", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111", error.Message, StringComparison.Ordinal);
    }

    private static CardPaymentRequest Payment(string currency) => new() { Amount = new Money(10m, currency), MerchantReference = "RULES-000001" };

    private static CardRefundRequest Refund(string currency) => new() { Amount = new Money(10m, currency), MerchantReference = "RULES-000001-R", OriginalTransactionId = "7225836252468027" };
}
