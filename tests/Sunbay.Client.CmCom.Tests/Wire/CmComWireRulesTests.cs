using Sunbay.Client.CmCom.Wire;
using Sunbay.Client.Wire;
// Sunbay.Client has a public Terminal of its own, which an enclosing namespace would prefer to the wire type.
using WireTerminal = Sunbay.Client.CmCom.Wire.Terminal;

namespace Sunbay.Client.CmCom.Tests.Wire;

/// <summary>
/// The rules of openapi/cm-merchantapi.yaml as the generated kernel checks them: terminal id, currency, amount, order
/// reference and the pagination bounds. The fake CM.com host compiles the same generated checks.
/// </summary>
public sealed class CmComWireRulesTests
{
    [Theory]
    [InlineData("SUNMI-P2lite-PL0919CQ00305")]
    [InlineData("SUNMI-P2lite-PL09214300501")]
    [InlineData("SUNMI-V2s-ABC_1.2")]
    [InlineData("SUNMI-P2-PRO-PL0919CQ00305")]
    public void A_terminal_id_of_three_parts_joined_by_dashes_is_accepted(string terminalId) =>
        Assert.Null(WireTerminal.CheckId(terminalId));

    [Theory]
    [InlineData("SUNMI-P2lite")]
    [InlineData("SUNMI--PL0919CQ00305")]
    [InlineData("SUNMI P2lite PL0919CQ00305")]
    [InlineData("SUNMI-P2lite-PL09/19")]
    [InlineData("-P2lite-PL0919CQ00305")]
    [InlineData("SUNMI-P2lite-PL0919CQ00305 ")]
    public void A_terminal_id_that_is_not_manufacturer_model_serial_is_refused(string terminalId)
    {
        var problem = WireTerminal.CheckId(terminalId);

        Assert.NotNull(problem);
        Assert.Equal("id", problem.Field);
    }

    [Fact]
    public void A_terminal_id_longer_than_128_characters_is_refused() =>
        Assert.Contains("128", WireTerminal.CheckId("SUNMI-P2lite-" + new string('9', 116))!.Rule, StringComparison.Ordinal);

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData("", false)]
    public void Currency_is_three_capital_letters(string currency, bool valid) =>
        Assert.Equal(valid, Amount.CheckCurrency(currency, "amount") is null);

    [Fact]
    public void A_missing_currency_names_its_path() =>
        Assert.Equal("amount.currency", Amount.CheckCurrency(null!, "amount")!.Field);

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(0, false)]
    [InlineData(101, false)]
    [InlineData(-5, false)]
    public void Page_size_is_1_to_100(int? size, bool valid) =>
        Assert.Equal(valid, Pagination.CheckSize(size) is null);

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(int.MaxValue, true)]
    [InlineData(0, false)]
    public void Page_starts_at_1(int? page, bool valid) =>
        Assert.Equal(valid, Pagination.CheckPage(page) is null);

    [Theory]
    [InlineData("98.75", true)]
    [InlineData("0.001", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("1000000000", false)]
    public void An_amount_is_positive(string value, bool valid) =>
        Assert.Equal(valid, Amount.CheckValue(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) is null);

    [Theory]
    [InlineData("inv2112280004", true)]
    [InlineData("invoice-202112280004-r", true)]
    [InlineData("", false)]
    [InlineData("inv 1", false)]
    public void A_merchant_order_reference_is_letters_digits_dot_dash_underscore(string reference, bool valid) =>
        Assert.Equal(valid, TransactionRequest.CheckMerchantOrderReference(reference) is null);

    [Fact]
    public void A_request_checks_its_nested_objects_under_their_paths()
    {
        IWireObject request = new TransactionRequest
        {
            Type = "REFUND",
            MerchantOrderReference = "inv-1",
            Amount = new Amount { Value = 10m, Currency = "EUR" },
            Reference = new TransactionReference { Id = "a/b" },
        };

        Assert.Equal("reference.id", request.Validate(null)!.Field);
    }

    [Fact]
    public void A_request_with_a_field_the_spec_does_not_name_is_refused()
    {
        IWireObject request = new TransactionRequest
        {
            MerchantOrderReference = "inv-1",
            Amount = new Amount { Value = 10m, Currency = "EUR" },
            AdditionalProperties = new Dictionary<string, object> { ["tip"] = 1 },
        };

        Assert.Equal("tip", request.Validate(null)!.Field);
    }
}
