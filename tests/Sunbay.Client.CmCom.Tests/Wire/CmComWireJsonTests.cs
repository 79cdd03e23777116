using System.Text.Json;
using Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.CmCom.Tests.Wire;

/// <summary>
/// The CM.com wire as JSON: snake_case names as the guide shows them, exact decimal amounts, tolerant reading (unknown
/// fields and values survive, a number where text is expected is read as its text), all through the source-generated
/// context (reflection is off in this project), and the generated endpoint descriptors' URLs.
/// </summary>
public sealed class CmComWireJsonTests
{
    [Fact]
    public void A_purchase_is_written_as_the_guide_shows_it()
    {
        var request = new TransactionRequest
        {
            Type = "PURCHASE",
            MerchantOrderReference = "inv2112280004",
            Amount = new Amount { Value = 98.75m, Currency = "EUR" },
        };

        var json = JsonSerializer.Serialize(request, CmComWireJsonContext.Default.TransactionRequest);

        Assert.Equal("""{"type":"PURCHASE","merchant_order_reference":"inv2112280004","amount":{"value":98.75,"currency":"EUR"}}""", json);
    }

    [Fact]
    public void A_referenced_refund_carries_the_purchase_id()
    {
        var request = new TransactionRequest
        {
            Type = "REFUND",
            MerchantOrderReference = "invoice-202112280004-r",
            Amount = new Amount { Value = 0.1m, Currency = "EUR" },
            Reference = new TransactionReference { Id = "t-1" },
        };

        var json = JsonSerializer.Serialize(request, CmComWireJsonContext.Default.TransactionRequest);

        Assert.Equal("""{"type":"REFUND","merchant_order_reference":"invoice-202112280004-r","amount":{"value":0.1,"currency":"EUR"},"reference":{"id":"t-1"}}""", json);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_start_is_written_byte_for_byte_as_the_generated_context_writes_it(bool referenced)
    {
        // Unknown fields too: the extension data of the nested objects is written as the serializer writes it.
        var request = new TransactionRequest
        {
            Type = referenced ? "REFUND" : "PURCHASE",
            MerchantOrderReference = "inv2112280004",
            Amount = new Amount { Value = 98.75m, Currency = "EUR", AdditionalProperties = new Dictionary<string, object> { ["x"] = "1" } },
            Reference = referenced ? new TransactionReference { Id = "t-1", AdditionalProperties = new Dictionary<string, object> { ["y"] = "z" } } : null,
        };

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(request, CmComWireJsonContext.Default.TransactionRequest), CmComWireApi.StartTransaction.Serialize(request));
    }

    [Fact]
    public void A_purchase_is_written_without_the_serializers_stack_of_frames()
    {
        var request = new TransactionRequest { Type = "PURCHASE", MerchantOrderReference = "inv2112280004", Amount = new Amount { Value = 98.75m, Currency = "EUR" } };
        var generated = (Func<byte[]>)(() => JsonSerializer.SerializeToUtf8Bytes(request, CmComWireJsonContext.Default.TransactionRequest));
        var written = (Func<byte[]>)(() => CmComWireApi.StartTransaction.Serialize(request));

        // The stack is an array of frames of some 80 B each (four at first), which the generated context's writing allocates.
        Assert.True(Allocated(written) + 200 < Allocated(generated), $"written {Allocated(written)} B, generated {Allocated(generated)} B");
    }

    private static long Allocated(Func<byte[]> write)
    {
        write();
        var before = GC.GetAllocatedBytesForCurrentThread();
        write();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void A_processed_transaction_is_read_with_every_documented_field()
    {
        const string Json = """
            {"type":"PURCHASE","id":"t-1","merchant_order_reference":"inv2112280004","creation_datetime":"2022-01-18T14:30:05.619Z",
             "amount":{"value":98.75,"currency":"EUR"},"status":"CLEARED","transaction_datetime":"2022-01-18T14:30:21.000Z",
             "system_trace_audit_number":"155890","brand":"V_PAY","receipt":"CARDHOLDER\nRECEIPT","result":"APPROVED",
             "store":{"uuid":"s-1","name":"Main street"}}
            """;

        var transaction = JsonSerializer.Deserialize(Json, CmComWireJsonContext.Default.Transaction)!;

        Assert.Equal(("t-1", "inv2112280004", "CLEARED", "APPROVED"), (transaction.Id, transaction.MerchantOrderReference, transaction.Status, transaction.Result));
        Assert.Equal(98.75m, transaction.Amount!.Value);
        Assert.Equal(("155890", "V_PAY", "CARDHOLDER\nRECEIPT"), (transaction.SystemTraceAuditNumber, transaction.Brand, transaction.Receipt));
        Assert.Equal(("2022-01-18T14:30:05.619Z", "2022-01-18T14:30:21.000Z"), (transaction.CreationDatetime, transaction.TransactionDatetime));
        Assert.Equal(("s-1", "Main street"), (transaction.Store!.Uuid, transaction.Store.Name));
    }

    [Fact]
    public void Unknown_values_fields_and_number_types_survive_reading()
    {
        const string Json = """{"id":7225836252468027,"status":"PARTIALLY_REFUNDED","result":"REFERRAL","brand":"NEW_BRAND","system_trace_audit_number":155890,"amount":{"value":"12.345","currency":"KWD"},"tip":{"value":1}}""";

        var transaction = JsonSerializer.Deserialize(Json, CmComWireJsonContext.Default.Transaction)!;

        Assert.Equal("7225836252468027", transaction.Id);
        Assert.Equal(("PARTIALLY_REFUNDED", "REFERRAL", "NEW_BRAND"), (transaction.Status, transaction.Result, transaction.Brand));
        Assert.Equal("155890", transaction.SystemTraceAuditNumber);
        Assert.Equal(12.345m, transaction.Amount!.Value);
        Assert.True(transaction.AdditionalProperties!.ContainsKey("tip"));
    }

    [Fact]
    public void A_list_answer_is_a_bare_array()
    {
        var stores = JsonSerializer.Deserialize("""[{"uuid":"s-1","name":"A"},{"uuid":"s-2","name":"B","merchant":"m"}]""", CmComWireJsonContext.Default.ICollectionStore)!;

        Assert.Equal(["s-1", "s-2"], stores.Select(s => s.Uuid));
    }

    [Fact]
    public void A_problem_keeps_members_it_does_not_name()
    {
        var problem = JsonSerializer.Deserialize("""{"status":403,"title":"Forbidden","detail":"Invalid API Key.","instance":"/stores","traceId":"x"}""", CmComWireJsonContext.Default.Problem)!;

        Assert.Equal((403, "Forbidden", "Invalid API Key.", "/stores"), (problem.Status, problem.Title, problem.Detail, problem.Instance));
        Assert.True(problem.AdditionalProperties!.ContainsKey("traceId"));
    }

    [Fact]
    public void Api_keys_use_the_guides_names()
    {
        var keys = JsonSerializer.Deserialize("""[{"id":854844465,"label":"2022 2nd half","lastUsage":"2022-08-01T10:00:00+00:00","validity":{"from":"2022-07-01T00:00:00+00:00","until":"2023-01-01T00:00:00+00:00"}}]""", CmComWireJsonContext.Default.ICollectionApiKey)!;
        var created = JsonSerializer.Deserialize("""{"id":854844465,"label":"2022 2nd half","apikey":"secret"}""", CmComWireJsonContext.Default.CreatedApiKey)!;

        var key = Assert.Single(keys);
        Assert.Equal((854844465L, "2022-08-01T10:00:00+00:00", "2023-01-01T00:00:00+00:00"), (key.Id, key.LastUsage, key.Validity!.Until));
        Assert.Equal("secret", created.Apikey);
    }

    [Fact]
    public void Path_values_are_escaped_and_null_query_values_left_out()
    {
        Assert.Equal("terminals/SUNMI-P2lite-PL09/transactions?page=2&size=25", CmComWireApi.ListTransactionsUrl("SUNMI-P2lite-PL09", 2, 25));
        Assert.Equal("terminals/SUNMI-P2lite-PL09/transactions", CmComWireApi.ListTransactionsUrl("SUNMI-P2lite-PL09", null, null));
        Assert.Equal("terminals/T-M-S/transactions/a%20b%2Fc", CmComWireApi.GetTransactionUrl("T-M-S", "a b/c"));
        Assert.Equal("apikeys/854844465", CmComWireApi.RevokeApiKeyUrl(854844465));
        Assert.Equal("stores?size=100", CmComWireApi.ListStoresUrl(null, 100));
    }

    [Fact]
    public void A_path_is_filled_in_one_pass_as_each_parameter_replaced_in_turn_would_fill_it()
    {
        var endpoint = new Sunbay.Client.Wire.WireEndpoint<Sunbay.Client.Wire.NoBody, Sunbay.Client.CmCom.Wire.Transaction>(
            "test", HttpMethod.Get, "a/{first}/b/{other}/c/{second}/{first}", static () => CmComWireJsonContext.Default.Transaction, ["q"], ["first", "second"]);

        // Text that names no parameter stays as written; a parameter used twice is filled twice; an escaped value holds no brace.
        Assert.Equal("a/x%7By%7D/b/{other}/c/2/x%7By%7D?q=%7Bfirst%7D", endpoint.Url(["x{y}", 2L], ["{first}"]));

        // The first bad value, in the parameters' order, is the one reported.
        Assert.Equal("first", Assert.Throws<PaymentsValidationException>(() => endpoint.Url(["..", "."], [])).Field);
        Assert.Equal("second", Assert.Throws<PaymentsValidationException>(() => endpoint.Url(["ok", ""], [])).Field);
    }

    [Fact]
    public void A_url_with_path_values_costs_one_string()
    {
        CmComWireApi.GetTransactionUrl("T-M-S", "5456485215432746823746654987115");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var url = CmComWireApi.GetTransactionUrl("T-M-S", "5456485215432746823746654987115");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The URL itself (a string header and two bytes a character), and the two values' array of the generated helper.
        Assert.InRange(allocated, 0, 24 + (2 * url.Length) + 64);
    }

    [Fact]
    public void Endpoints_carry_the_spec_names_methods_and_path_parameters()
    {
        Assert.Equal(("start-transaction", HttpMethod.Post, "/terminals/{terminalId}/transactions"), (CmComWireApi.StartTransaction.Name, CmComWireApi.StartTransaction.Method, CmComWireApi.StartTransaction.RequestPath));
        Assert.Equal(["terminalId", "transactionId"], CmComWireApi.CancelTransaction.PathParameters);
        Assert.False(CmComWireApi.CancelTransaction.IsQuery);
        Assert.True(CmComWireApi.GetDayTotals.IsQuery);
        Assert.Same(CmComWireJsonContext.Default.NoBody, CmComWireApi.RevokeApiKey.Answer);
    }
}
