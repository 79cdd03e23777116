using Sunbay.Client.Payments;

namespace Sunbay.Client.Tests.Payments;

/// <summary>Money converts minor and major units by each currency's ISO 4217 exponent, and refuses what it cannot count.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("JPY", 1500, 1500, 0, "1500 JPY")]
    [InlineData("KRW", 25000, 25000, 0, "25000 KRW")]
    [InlineData("ISK", 990, 990, 0, "990 ISK")]
    [InlineData("CLP", 4990, 4990, 0, "4990 CLP")]
    [InlineData("XOF", 5000, 5000, 0, "5000 XOF")]
    [InlineData("EUR", 98.75, 9875, 2, "98.75 EUR")]
    [InlineData("USD", 10.5, 1050, 2, "10.50 USD")]
    [InlineData("KWD", 1.25, 1250, 3, "1.250 KWD")]
    [InlineData("BHD", 0.005, 5, 3, "0.005 BHD")]
    [InlineData("TND", 12.345, 12345, 3, "12.345 TND")]
    [InlineData("CLF", 1.2345, 12345, 4, "1.2345 CLF")]
    public void Major_units_convert_to_minor_units_by_the_currency_s_exponent(string currency, double major, long minor, int decimals, string text)
    {
        var amount = (decimal)major;

        var money = new Money(amount, currency);

        Assert.Equal(minor, money.MinorUnits);
        Assert.Equal(decimals, money.DecimalPlaces);
        Assert.Equal(amount, money.Amount);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(text, money.ToString());
        Assert.Equal(money, Money.FromMinorUnits(minor, currency));
    }

    [Fact]
    public void Minor_units_convert_to_major_units_by_the_currency_s_exponent()
    {
        Assert.Equal(1500m, Money.FromMinorUnits(1500, "JPY").Amount);
        Assert.Equal(15m, Money.FromMinorUnits(1500, "EUR").Amount);
        Assert.Equal(1.5m, Money.FromMinorUnits(1500, "KWD").Amount);
        Assert.Equal(-2.5m, Money.FromMinorUnits(-250, "USD").Amount);
    }

    [Fact]
    public void Trailing_zeros_and_case_do_not_make_another_amount()
    {
        Assert.Equal(new Money(10.5m, "EUR"), new Money(10.500m, "eur"));
        Assert.Equal(new Money(10.5m, "EUR").GetHashCode(), new Money(10.500m, " eur ").GetHashCode());
        Assert.NotEqual(new Money(10.5m, "EUR"), new Money(10.5m, "USD"));
        Assert.Equal(new Money(1500m, "JPY"), new Money(1500.00m, "JPY"));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("ANG")] // withdrawn in 2025 (replaced by XCG)
    [InlineData("HRK")] // withdrawn: Croatia uses the euro
    [InlineData("XAU")] // gold: ISO gives it no minor unit
    [InlineData("XXX")]
    [InlineData("EURO")]
    [InlineData("€")]
    public void An_unknown_code_is_refused_never_taken_to_have_two_decimals(string currency)
    {
        var major = Assert.Throws<PaymentsValidationException>(() => new Money(10m, currency));
        var minor = Assert.Throws<PaymentsValidationException>(() => Money.FromMinorUnits(1000, currency));

        Assert.Equal("currency", major.Field);
        Assert.Contains("ISO 4217", major.Rule, StringComparison.Ordinal);
        Assert.Equal("currency", minor.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_currency_is_refused(string? currency)
    {
        var error = Assert.Throws<PaymentsValidationException>(() => new Money(10m, currency!));

        Assert.Equal("currency", error.Field);
        Assert.Contains("required", error.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JPY", 1500.5)]
    [InlineData("EUR", 98.755)]
    [InlineData("USD", 0.001)]
    [InlineData("KWD", 1.2345)]
    public void More_decimals_than_the_currency_has_is_a_validation_error_naming_the_field(string currency, double major)
    {
        var error = Assert.Throws<PaymentsValidationException>(() => new Money((decimal)major, currency));

        Assert.Equal("amount", error.Field);
        Assert.Contains(currency, error.Rule, StringComparison.Ordinal);
        Assert.Contains("decimal place", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_beyond_64_bit_minor_units_is_refused_without_overflowing()
    {
        var error = Assert.Throws<PaymentsValidationException>(() => new Money(decimal.MaxValue, "KWD"));

        Assert.Equal("amount", error.Field);
        Assert.Contains("too large", error.Rule, StringComparison.Ordinal);
        Assert.Equal(long.MaxValue, new Money(long.MaxValue, "JPY").MinorUnits);
    }

    [Fact]
    public void Default_has_no_currency_and_says_so()
    {
        var none = default(Money);

        Assert.Equal(string.Empty, none.Currency);
        Assert.Equal(0, none.MinorUnits);
        Assert.Equal("(no amount)", none.ToString());
    }

    [Fact]
    public void The_table_holds_only_three_letter_codes_with_0_2_3_or_4_decimals_and_the_exceptions_to_two()
    {
        var codes = Iso4217.Codes.ToList();

        Assert.All(codes, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.All(codes, code => Assert.Contains(Money.FromMinorUnits(1, code).DecimalPlaces, new[] { 0, 2, 3, 4 }));
        Assert.Equal(
            ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"],
            codes.Where(c => Money.FromMinorUnits(1, c).DecimalPlaces == 3).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"],
            codes.Where(c => Money.FromMinorUnits(1, c).DecimalPlaces == 0).Order(StringComparer.Ordinal));
        Assert.Contains("XCG", codes);
        Assert.Contains("ZWG", codes);
    }
}
