using Sunbay.Client.Tests.Support;

namespace Sunbay.Client.Tests.Recovery;

/// <summary>One way to look a transaction up that throws when it is absent, one that answers null.</summary>
public sealed class TransactionLookupTests
{
    [Fact]
    public async Task An_absent_transaction_is_null_to_find_and_an_error_to_get()
    {
        // B01 is a default "not found" code; code 0 without data is the other way SUNBAY may say it.
        var stub = new StubHandler()
            .ThenJson(StubHandler.Envelope("null", code: "B01", msg: "Transaction does not exist"))
            .ThenJson(StubHandler.Envelope("null", code: "B01", msg: "Transaction does not exist"))
            .ThenJson(StubHandler.Envelope("null"))
            .ThenJson(StubHandler.Envelope("null"));
        using var client = TestClients.Create(stub);
        var lookup = TransactionLookup.ByTransactionId("7225836252468027");

        var found = await client.FindTransactionAsync(lookup);
        var refused = await Assert.ThrowsAsync<SunbayApiException>(() => client.GetTransactionAsync(lookup));
        var foundEmpty = await client.FindTransactionAsync(lookup);
        var empty = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(lookup));

        Assert.Null(found);
        Assert.Equal("B01", refused.Code);
        Assert.Null(foundEmpty);
        Assert.Contains("transactionId '7225836252468027'", empty.Message, StringComparison.Ordinal);
        Assert.False(empty.OutcomeUnknown);
    }

    [Theory]
    [InlineData("id", "transactionId=7225836252468027")]
    [InlineData("key", "transactionRequestId=req1")]
    [InlineData("order", "referenceOrderId=ORDER-0001")]
    public async Task Each_kind_of_lookup_sends_its_own_query_parameter(string kind, string parameter)
    {
        var stub = new StubHandler().ThenJson(StubHandler.Query("req1", "S"));
        using var client = TestClients.Create(stub);
        var lookup = kind switch
        {
            "id" => TransactionLookup.ByTransactionId("7225836252468027"),
            "key" => TransactionLookup.ByTransactionRequestId("req1"),
            _ => TransactionLookup.ByReferenceOrderId("ORDER-0001"),
        };

        var transaction = await client.GetTransactionAsync(lookup);

        Assert.Equal("req1", transaction.TransactionRequestId);
        var query = Assert.Single(stub.Calls).Uri.Query;
        Assert.Contains(parameter, query, StringComparison.Ordinal);
        Assert.Equal(1, new[] { "transactionId=", "transactionRequestId=", "referenceOrderId=" }.Count(p => query.Contains(p, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Getting_by_request_id_never_returns_another_transaction()
    {
        var stub = new StubHandler().Always(_ => StubHandler.Json(StubHandler.Query("SOMEONE-ELSE", "S")));
        using var client = TestClients.Create(stub);

        var error = await Assert.ThrowsAsync<SunbayTransportException>(() => client.GetTransactionAsync(TransactionLookup.ByTransactionRequestId("req1")));

        Assert.Contains("SOMEONE-ELSE", error.Message, StringComparison.Ordinal);
        Assert.Equal("req1", error.TransactionRequestId);
    }

    [Fact]
    public void A_lookup_names_one_key_and_compares_by_value()
    {
        var byKey = TransactionLookup.ByTransactionRequestId("req1");

        Assert.Equal("req1", byKey.TransactionRequestId);
        Assert.Null(byKey.TransactionId);
        Assert.Null(byKey.ReferenceOrderId);
        Assert.Equal(TransactionLookup.ByTransactionRequestId("req1"), byKey);
        Assert.Equal(TransactionLookup.ByTransactionRequestId("req1").GetHashCode(), byKey.GetHashCode());
        Assert.NotEqual(TransactionLookup.ByTransactionId("req1"), byKey);
        Assert.Equal("transactionRequestId 'req1'", byKey.ToString());
        Assert.Equal("referenceOrderId 'O-1'", TransactionLookup.ByReferenceOrderId("O-1").ToString());
        Assert.Throws<ArgumentException>(() => TransactionLookup.ByTransactionId(" "));
        Assert.Throws<ArgumentNullException>(() => TransactionLookup.ByTransactionRequestId(null!));
        Assert.Throws<ArgumentException>(() => TransactionLookup.ByReferenceOrderId(string.Empty));
    }
}
