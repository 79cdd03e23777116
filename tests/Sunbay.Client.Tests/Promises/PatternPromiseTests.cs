using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Wire;

namespace Sunbay.Client.Tests.Promises;

/// <summary>Every pattern of a spec anchors at the true end: a trailing newline is refused before anything is sent.</summary>
public sealed class PatternPromiseTests
{
    public static TheoryData<ProviderCase, string> Cases => AnswerPromiseTests.Cross(["abc\n", "abc\r\n", "abc\ndef"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_reference_with_a_newline_is_refused_before_sending(ProviderCase provider, string reference)
    {
        await using var server = MisbehavingServer.Start(provider.Normal);
        using var client = provider.Create(server.BaseAddress, new FakeTimeProvider());

        await Assert.ThrowsAsync<PaymentsValidationException>(() => client.StartAsync(reference));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("^[a-z]+$", "^[a-z]+\\z")]
    [InlineData("^[a-z]+\\$", "^[a-z]+\\$")]
    [InlineData("^[a-z]+\\\\$", "^[a-z]+\\\\\\z")]
    [InlineData("^[a-z]+", "^[a-z]+")]
    public void A_final_dollar_becomes_the_true_end(string pattern, string expected) =>
        Assert.Equal(expected, WireRules.SpecPattern(pattern));
}
