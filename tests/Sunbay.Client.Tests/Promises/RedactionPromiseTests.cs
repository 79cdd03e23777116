using Sunbay.Client.Telemetry;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// The one redaction both providers render text through, case by case: the key in each encoding a server may echo it
/// in, card numbers wherever they stand as a word, identifiers that only contain digits left alone.
/// </summary>
public sealed class RedactionPromiseTests
{
    private const string Key = "cm-live-Ab+/Cd=Ef9Gh7Kq";

    [Theory]
    [InlineData("key cm-live-Ab+/Cd=Ef9Gh7Kq.", "key ***.")]
    [InlineData("/k/cm-live-Ab%2B%2FCd%3DEf9Gh7Kq/x", "/k/***/x")]
    [InlineData("?key=cm-live-Ab%2b%2fCd%3dEf9Gh7Kq&x=1", "?key=***&x=1")]
    [InlineData("{\"k\":\"cm-live-Ab\\u002B/Cd\\u003DEf9Gh7Kq\"}", "{\"k\":\"***\"}")]
    [InlineData("{\"k\":\"cm-live-Ab+\\/Cd=Ef9Gh7Kq\"}", "{\"k\":\"***\"}")]
    [InlineData("{\"k\":\"cm-live-Ab\\u002b\\/Cd\\u003dEf9Gh7Kq\"}", "{\"k\":\"***\"}")]
    [InlineData("cm-live-Ab%2B/Cd\\u003DEf9Gh7Kq", "***")]
    [InlineData("cm-live-Ab%2B%2FCd%3DEf9Gh7K", "cm-live-Ab%2B%2FCd%3DEf9Gh7K")] // not the key: one character short
    public void The_key_is_masked_in_every_encoding(string text, string expected) =>
        Assert.Equal(expected, SensitiveData.Mask(text, Key));

    [Theory]
    [InlineData("card 4111111111111111 98.75 EUR", "card 411111******1111 98.75 EUR")]
    [InlineData("4111111111111111 98", "411111******1111 98")]
    [InlineData("12 4111 1111 1111 1111 98", "12 4111 11** **** 1111 98")]
    [InlineData("1234 4111111111111111", "1234 411111******1111")]
    [InlineData("(4111111111111111)", "(411111******1111)")]
    [InlineData("traceId 9388071234567802ab4074bb9a", "traceId 9388071234567802ab4074bb9a")]
    [InlineData("traceId ab9388071234567802", "traceId ab9388071234567802")]
    [InlineData("ref ORDER_4111111111111111", "ref ORDER_4111111111111111")]
    [InlineData("pan=4111111111111111;", "pan=411111******1111;")]
    public void Card_numbers_are_masked_as_words_and_identifiers_stay_intact(string text, string expected) =>
        Assert.Equal(expected, SensitiveData.MaskCardNumbers(text));

    [Fact]
    public void Masking_is_idempotent()
    {
        var once = SensitiveData.Mask("card 4111111111111111 98.75 EUR key cm-live-Ab%2B%2FCd%3DEf9Gh7Kq", Key);
        Assert.Equal(once, SensitiveData.Mask(once, Key));
    }
}
