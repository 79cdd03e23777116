namespace Sunbay.Client.Tests.Transactions;

public sealed class TransactionStatusTests
{
    [Theory]
    [InlineData("S", "Success", true)]
    [InlineData("SUCCESS", "Success", true)]
    [InlineData("success", "Success", true)]
    [InlineData("F", "Fail", true)]
    [InlineData("FAIL", "Fail", true)]
    [InlineData("FAILED", "Fail", true)]
    [InlineData("C", "Closed", true)]
    [InlineData("CLOSED", "Closed", true)]
    [InlineData("P", "Processing", false)]
    [InlineData("PROCESSING", "Processing", false)]
    [InlineData("I", "Initial", false)]
    [InlineData("INITIAL", "Initial", false)]
    public void Letters_and_long_names_parse_to_the_same_status(string wire, string name, bool final)
    {
        var status = TransactionStatus.Parse(wire);

        Assert.Equal(name, status.ToString());
        Assert.Equal(final, status.IsFinal);
        Assert.True(status.IsKnown);
    }

    [Fact]
    public void An_unknown_status_is_kept_and_never_final()
    {
        var status = TransactionStatus.Parse("REVERSED");

        Assert.False(status.IsKnown);
        Assert.False(status.IsFinal);
        Assert.Equal("REVERSED", status.Value);
    }

    [Fact]
    public void A_status_is_made_from_a_letter_or_a_long_name_alike()
    {
        TransactionStatus fromString = " succeeded ";

        Assert.Equal(TransactionStatus.Success, fromString);
        Assert.Equal(TransactionStatus.Success, new TransactionStatus("s"));
        Assert.Equal("S", fromString.Value);
        Assert.Equal(default, TransactionStatus.Parse(null));
        Assert.Equal(default, TransactionStatus.Parse("  "));
        Assert.Equal("(none)", default(TransactionStatus).ToString());
        Assert.Throws<ArgumentNullException>(() => new TransactionStatus(null!));
    }
}
