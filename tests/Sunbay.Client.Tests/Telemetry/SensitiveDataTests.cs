using Sunbay.Client.Telemetry;

namespace Sunbay.Client.Tests.Telemetry;

public sealed class SensitiveDataTests
{
    [Theory]
    [InlineData("card 4111111111111111 declined", "card 411111******1111 declined")]
    [InlineData("pan=4111-1111-1111-1111;", "pan=4111-11**-****-1111;")]
    [InlineData("5555 5555 5555 4444", "5555 55** **** 4444")]
    [InlineData("378282246310005", "378282*****0005")]
    [InlineData("order 4111111111111112", "order 4111111111111112")]
    [InlineData("transactionId 7225836252468027", "transactionId 7225836252468027")]
    [InlineData("amount 1000 USD", "amount 1000 USD")]
    [InlineData("", "")]
    public void Luhn_valid_card_numbers_keep_only_first_6_and_last_4(string text, string expected) =>
        Assert.Equal(expected, SensitiveData.MaskCardNumbers(text));

    [Fact]
    public void Null_stays_null() => Assert.Null(SensitiveData.MaskCardNumbers(null));
}
