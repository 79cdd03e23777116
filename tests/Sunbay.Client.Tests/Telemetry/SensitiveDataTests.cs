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

    [Theory]
    [InlineData("echo: Bearer Zq7LmN0pXr2Ys4Tu", "echo: Bearer ***")]
    [InlineData("authorization=bearer   abc.def-ghi_jkl~mno+pqr/st==;", "authorization=bearer   ***;")]
    [InlineData("unknown key Zq7LmN0pXr2Ys4Tu.", "unknown key ***.")]
    [InlineData("{\"k\":\"Zq7LmN0pXr2Ys4Tu\"}", "{\"k\":\"***\"}")]
    [InlineData("old key sk_live_51Habc_DEF-9 rejected", "old key sk_live_*** rejected")]
    [InlineData("SK_TEST_abc", "SK_TEST_***")]
    [InlineData("card 4111111111111111 by Bearer sk_test_x", "card 411111******1111 by Bearer ***")]
    [InlineData("Bearer ***, sk_test_***, 411111******1111", "Bearer ***, sk_test_***, 411111******1111")]
    [InlineData("the bearer of bad news", "the bearer *** bad news")] // over-masking prose is the safe side
    [InlineData("transactionId 7225836252468027", "transactionId 7225836252468027")]
    public void Mask_hides_the_configured_key_bearer_credentials_secret_keys_and_card_numbers(string text, string expected) =>
        Assert.Equal(expected, SensitiveData.Mask(text, "Zq7LmN0pXr2Ys4Tu"));

    [Fact]
    public void A_key_that_looks_like_a_card_number_is_masked_as_a_key()
    {
        Assert.Equal("key ***", SensitiveData.Mask("key 4111111111111111", "4111111111111111"));
        Assert.Equal("a b", SensitiveData.Mask("a b", "a")); // too short to search for
    }

    /// <summary>A key with every character an encoding treats apart: '+', '/', '&amp;', '"' and a multi-byte tail.</summary>
    private const string OddKey = "k+y/A&b\"C=d~é9x";

    public static TheoryData<string> EncodedKeys
    {
        get
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(OddKey);
            var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("merchant:" + OddKey));
            var bearer = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Bearer " + OddKey + "!"));
            return new TheoryData<string>
            {
                Convert.ToBase64String(bytes),
                Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('='),
                basic,
                bearer,
                Convert.ToHexString(bytes),
                Convert.ToHexString(bytes).ToLowerInvariant(),
                System.Net.WebUtility.HtmlEncode(OddKey),
                string.Concat(OddKey.Select(c => $"&#{(int)c};")),
                string.Concat(OddKey.Select(c => $"&#x{(int)c:X};")),
                "k%2By/A&amp;b\\u0022C=d~&#233;9x",
            };
        }
    }

    [Theory]
    [MemberData(nameof(EncodedKeys))]
    public void A_key_in_a_binary_encoding_or_an_html_reference_is_masked(string echoed)
    {
        var masked = SensitiveData.Mask($"unknown credential [{echoed}] refused", OddKey);

        Assert.Contains("***", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(echoed, masked, StringComparison.Ordinal);

        // Base64 and hexadecimal spread the key over every character: their middle half is made of the key's bytes alone.
        Assert.DoesNotContain(echoed.Substring(echoed.Length / 4, echoed.Length / 2), masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_keys_shifted_base64_is_too_short_to_search_for()
    {
        // "abcdef" one byte into a Base64 value leaves one group of its own ("Y2Rl", bytes "cde"): four letters match by chance.
        Assert.Equal("ref Y2Rl", SensitiveData.Mask("ref Y2Rl", "abcdef"));
        Assert.Equal("ref ***", SensitiveData.Mask("ref YWJjZGVm", "abcdef"));
    }

    [Fact]
    public void An_excerpt_is_masked_before_it_is_cut()
    {
        var body = new string('x', 8) + "Zq7LmN0pXr2Ys4Tu" + " tail";

        Assert.Equal("xxxxxxxx***…", SensitiveData.Excerpt(body, "Zq7LmN0pXr2Ys4Tu", 11));
        Assert.Equal("(empty body)", SensitiveData.Excerpt(null, "Zq7LmN0pXr2Ys4Tu", 11));
    }
}
