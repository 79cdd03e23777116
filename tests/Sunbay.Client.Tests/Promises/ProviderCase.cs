using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ExamplePay;
using Sunbay.Client.CmCom;
using Sunbay.Client.Payments;
using Sunbay.Client.Pipeline;

namespace Sunbay.Client.Tests.Promises;

/// <summary>
/// One provider as the promise tests see it: how its client makes each kind of call (a start, a cancel, a query, a
/// paged list), and how its server answers each kind of request, so that one test says one promise for every provider.
/// </summary>
public abstract class ProviderCase
{
    /// <summary>Every provider, for <c>[MemberData]</c>.</summary>
    public static TheoryData<ProviderCase> All => [.. Each];

    /// <summary>Every provider, to build data of several parameters from.</summary>
    public static IReadOnlyList<ProviderCase> Each => [Sunbay, CmCom, Example];

    /// <summary>The providers whose API has a paged list (Example Pay's has none).</summary>
    public static TheoryData<ProviderCase> WithLists => [Sunbay, CmCom];

    public static ProviderCase Sunbay { get; } = new SunbayCase();

    public static ProviderCase CmCom { get; } = new CmComCase();

    /// <summary>The third provider, written outside the SDK on the core's public surface only (tests/Sunbay.Client.ExampleProvider).</summary>
    public static ProviderCase Example { get; } = new ExampleCase();

    /// <summary>The transaction the queries and cancels of the tests are about.</summary>
    public const string TransactionId = "7225836252468027";

    public abstract string Name { get; }

    /// <summary>The key the client is configured with: characters that every encoding changes ('+', '/', '='), and a tail to look for.</summary>
    public abstract string ApiKey { get; }

    /// <summary>The operation names of a start and of a cancel, as the SDK reports them.</summary>
    public abstract string StartOperation { get; }

    /// <summary>The field a path value that would leave its segment is refused under (or part of its name).</summary>
    internal virtual string IdField => "ransactionId";

    public override string ToString() => Name;

    /// <summary>A client of this provider sending to <paramref name="baseAddress"/> through a real <see cref="SocketsHttpHandler"/>.</summary>
    internal abstract IProviderClient Create(Uri baseAddress, TimeProvider time, ILoggerFactory? logging = null, int maxGetRetries = 3);

    // What the server sees.
    internal abstract bool IsStart(WireRequest request);

    internal abstract bool IsCancel(WireRequest request);

    internal bool IsQuery(WireRequest request) => request.Method == "GET" && !IsList(request);

    internal abstract bool IsList(WireRequest request);

    /// <summary>The path a query of <paramref name="id"/> goes to, and the path a cancel of it goes to (as sent, escaped).</summary>
    internal abstract (string Query, string Cancel) PathsFor(string id);

    // What the server answers.
    internal abstract Reply StartAnswer(WireRequest request);

    internal abstract Reply CancelAnswer(WireRequest request);

    internal abstract Reply QueryAnswer(WireRequest request);

    /// <summary>A page of the list holding <paramref name="ids"/>, pointing to page <paramref name="next"/> when given.</summary>
    internal abstract Reply ListPage(WireRequest request, IEnumerable<string> ids, string? next, long? total = null);

    /// <summary>The page a list request asks for (null: the first).</summary>
    internal abstract string? PageOf(WireRequest request);

    /// <summary>A refusal (HTTP 400) in the provider's own error document, quoting <paramref name="message"/>.</summary>
    internal abstract Reply Refusal(string message);

    /// <summary>The answer to anything else: the right one for its kind.</summary>
    internal Reply Normal(WireRequest request) =>
        IsStart(request) ? StartAnswer(request)
        : IsCancel(request) ? CancelAnswer(request)
        : IsList(request) ? ListPage(request, ["item-1"], next: null)
        : QueryAnswer(request);

    private sealed class SunbayCase : ProviderCase
    {
        public override string Name => "SUNBAY";

        public override string ApiKey => "sk_test_Ab+/Cd=Ef9Gh7Kq";

        public override string StartOperation => "sale";

        internal override IProviderClient Create(Uri baseAddress, TimeProvider time, ILoggerFactory? logging, int maxGetRetries)
        {
            var options = new SunbayClientOptions
            {
                BaseAddress = baseAddress,
                ApiKey = ApiKey,
                AppId = "test_app_0001",
                MerchantId = "M1260231004",
                TerminalSn = "T1",
            };
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxGetRetries = maxGetRetries;
            return new Client(new SunbayClient(options, primaryHandler: null, time, loggerFactory: logging));
        }

        internal override bool IsStart(WireRequest request) => request.Method == "POST" && request.Path.EndsWith("/sale", StringComparison.Ordinal);

        internal override bool IsCancel(WireRequest request) => request.Method == "POST" && request.Path.EndsWith("/abort", StringComparison.Ordinal);

        internal override bool IsList(WireRequest request) => request.Path == "/v1/merchant/terminals/query";

        internal override (string Query, string Cancel) PathsFor(string id) => ("/v1/transaction/query", "/v1/semi-integration/transaction/abort");

        internal override Reply StartAnswer(WireRequest request)
        {
            var sent = JsonNode.Parse(request.Body)!;
            return Envelope(new JsonObject
            {
                ["transactionId"] = TransactionId,
                ["transactionStatus"] = "P",
                ["referenceOrderId"] = (string?)sent["referenceOrderId"],
                ["transactionRequestId"] = (string?)sent["transactionRequestId"],
            });
        }

        internal override Reply CancelAnswer(WireRequest request)
        {
            var sent = JsonNode.Parse(request.Body)!;
            return Envelope(new JsonObject
            {
                ["transactionId"] = "7225836252468099",
                ["transactionStatus"] = "P",
                ["transactionRequestId"] = (string?)sent["transactionRequestId"],
                ["originalTransactionId"] = (string?)sent["originalTransactionId"],
            });
        }

        internal override Reply QueryAnswer(WireRequest request) => Envelope(new JsonObject
        {
            ["transactionId"] = request.Query("transactionId") ?? TransactionId,
            ["transactionRequestId"] = request.Query("transactionRequestId") ?? "PAY_REQ_1",
            ["transactionStatus"] = "P",
            ["transactionType"] = "SALE",
            ["amount"] = new JsonObject { ["orderAmount"] = 1000, ["priceCurrency"] = "USD" },
        });

        internal override Reply ListPage(WireRequest request, IEnumerable<string> ids, string? next, long? total) => Envelope(new JsonObject
        {
            ["merchantId"] = "M1260231004",
            ["terminals"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["sn"] = id, ["vendor"] = "SUNMI" })]),
            ["nextToken"] = next,
        });

        internal override string? PageOf(WireRequest request) => request.Query("nextToken");

        internal override Reply Refusal(string message) =>
            Reply.Json(400, new JsonObject { ["code"] = "C17", ["msg"] = message, ["traceId"] = "938807c1e2d34f5a9b0c4074bb9a" }.ToJsonString());

        private static Reply Envelope(JsonObject data) =>
            Reply.Json(200, new JsonObject { ["code"] = "0", ["msg"] = "Success", ["traceId"] = "938807c1e2d34f5a9b0c4074bb9a", ["data"] = data }.ToJsonString());

        private sealed class Client(SunbayClient client) : IProviderClient
        {
            public string TraceIdOf(PaymentsException error) => (error as PaymentsApiException)?.TraceId ?? string.Empty;

            public Task StartAsync(string? reference, CancellationToken cancellationToken) => client.StartSaleAsync(
                new SaleRequest { Amount = 1000, Currency = "USD", ReferenceOrderId = "ORDER-0001", Description = "Coffee x2", TransactionRequestId = reference ?? "PAY_REQ_1" },
                cancellationToken);

            public Task CancelAsync(string id, CancellationToken cancellationToken) =>
                client.StartAbortAsync(new AbortRequest { OriginalTransactionId = id }, cancellationToken);

            public Task QueryAsync(string id, CancellationToken cancellationToken) =>
                client.GetTransactionAsync(TransactionLookup.ByTransactionId(id), cancellationToken);

            public async Task<int> ListAsync(CancellationToken cancellationToken)
            {
                var count = 0;
                await foreach (var _ in client.GetTerminalsAsync(cancellationToken: cancellationToken))
                {
                    count++;
                }

                return count;
            }

            public void Dispose() => client.Dispose();
        }
    }

    private sealed class CmComCase : ProviderCase
    {
        private const string Terminal = "SUNMI-P2lite-PL0919CQ00305";

        public override string Name => "CM.com";

        public override string ApiKey => "cm-live-Ab+/Cd=Ef9Gh7Kq";

        public override string StartOperation => "start-transaction";

        internal override IProviderClient Create(Uri baseAddress, TimeProvider time, ILoggerFactory? logging, int maxGetRetries)
        {
            var options = new CmComClientOptions { BaseAddress = baseAddress, ApiKey = ApiKey, Terminal = Terminal, PageSize = 2 };
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxGetRetries = maxGetRetries;
            return new Client(new CmComClient(options, primaryHandler: null, time, logging));
        }

        internal override bool IsStart(WireRequest request) => request.Method == "POST" && request.Path.EndsWith("/transactions", StringComparison.Ordinal);

        internal override bool IsCancel(WireRequest request) => request.Method == "DELETE";

        internal override bool IsList(WireRequest request) => request.Method == "GET" && request.Path.EndsWith("/transactions", StringComparison.Ordinal);

        internal override (string Query, string Cancel) PathsFor(string id)
        {
            var path = $"/terminals/{Terminal}/transactions/{Uri.EscapeDataString(id)}";
            return (path, path);
        }

        internal override Reply StartAnswer(WireRequest request)
        {
            var sent = JsonNode.Parse(request.Body)!;
            return Reply.Json(201, Transaction(TransactionId, (string?)sent["merchant_order_reference"] ?? "inv-1").ToJsonString());
        }

        internal override Reply CancelAnswer(WireRequest request) => Reply.Json(204, null);

        internal override Reply QueryAnswer(WireRequest request) =>
            Reply.Json(200, Transaction(Uri.UnescapeDataString(request.Path.Split('/')[^1]), "inv-1").ToJsonString());

        internal override Reply ListPage(WireRequest request, IEnumerable<string> ids, string? next, long? total)
        {
            var headers = new List<(string, string)>();
            if (next is not null)
            {
                headers.Add(("Link", $"<{request.Path}?page={next}&size=2>; rel=\"next\""));
            }

            if (total is { } count)
            {
                headers.Add(("X-Total-Count", count.ToString(CultureInfo.InvariantCulture)));
            }

            return Reply.Json(200, new JsonArray([.. ids.Select(id => (JsonNode)Transaction(id, "inv-" + id))]).ToJsonString(), [.. headers]);
        }

        internal override string? PageOf(WireRequest request) => request.Query("page") is "1" ? null : request.Query("page");

        internal override Reply Refusal(string message) => new()
        {
            Status = 400,
            Body = new JsonObject { ["status"] = 400, ["title"] = "Bad Request", ["detail"] = message, ["instance"] = "/terminals" }.ToJsonString(),
            ContentType = "application/problem+json",
        };

        private static JsonObject Transaction(string id, string reference) => new()
        {
            ["type"] = "PURCHASE",
            ["id"] = id,
            ["merchant_order_reference"] = reference,
            ["creation_datetime"] = "2022-01-18T14:30:05.619Z",
            ["amount"] = new JsonObject { ["value"] = 98.75m, ["currency"] = "EUR" },
            ["status"] = "CREATED",
        };

        private sealed class Client(CmComClient client) : IProviderClient
        {
            public string TraceIdOf(PaymentsException error) => string.Empty;

            public Task StartAsync(string? reference, CancellationToken cancellationToken) =>
                client.StartPurchaseAsync(new CmComPurchaseRequest { MerchantOrderReference = reference ?? "inv2112280004", Amount = 98.75m, Currency = "EUR" }, cancellationToken);

            public Task CancelAsync(string id, CancellationToken cancellationToken) => client.CancelAsync(id, cancellationToken: cancellationToken);

            public Task QueryAsync(string id, CancellationToken cancellationToken) => client.GetTransactionAsync(id, cancellationToken: cancellationToken);

            public async Task<int> ListAsync(CancellationToken cancellationToken)
            {
                var count = 0;
                await foreach (var _ in client.GetTransactionsAsync(cancellationToken: cancellationToken))
                {
                    count++;
                }

                return count;
            }

            public void Dispose() => client.Dispose();
        }
    }
    private sealed class ExampleCase : ProviderCase
    {
        public override string Name => "Example Pay";

        public override string ApiKey => "ex-live-Ab+/Cd=Ef9Gh7Kq";

        public override string StartOperation => "start-payment";

        internal override string IdField => "id";

        internal override IProviderClient Create(Uri baseAddress, TimeProvider time, ILoggerFactory? logging, int maxGetRetries)
        {
            var options = new PaymentsPipelineOptions { BaseAddress = baseAddress, ApiKey = ApiKey };
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxGetRetries = maxGetRetries;
            return new Client(new ExamplePayClient(options, primaryHandler: null, time, logging));
        }

        internal override bool IsStart(WireRequest request) => request.Method == "POST" && request.Path == "/payments";

        internal override bool IsCancel(WireRequest request) => request.Method == "POST" && request.Path.EndsWith("/cancel", StringComparison.Ordinal);

        internal override bool IsList(WireRequest request) => false;

        internal override (string Query, string Cancel) PathsFor(string id)
        {
            var path = $"/payments/{Uri.EscapeDataString(id)}";
            return (path, path + "/cancel");
        }

        internal override Reply StartAnswer(WireRequest request)
        {
            var sent = JsonNode.Parse(request.Body)!;
            return Reply.Json(201, Payment(TransactionId, "pending", (string?)sent["reference"] ?? "ORDER-0001").ToJsonString());
        }

        internal override Reply CancelAnswer(WireRequest request) =>
            Reply.Json(200, Payment(Uri.UnescapeDataString(request.Path.Split('/')[^2]), "cancelled", "ORDER-0001").ToJsonString());

        internal override Reply QueryAnswer(WireRequest request) =>
            Reply.Json(200, Payment(Uri.UnescapeDataString(request.Path.Split('/')[^1]), "pending", "ORDER-0001").ToJsonString());

        internal override Reply ListPage(WireRequest request, IEnumerable<string> ids, string? next, long? total) =>
            throw new NotSupportedException("Example Pay has no list.");

        internal override string? PageOf(WireRequest request) => throw new NotSupportedException("Example Pay has no list.");

        internal override Reply Refusal(string message) => Reply.Json(
            400,
            new JsonObject { ["error"] = new JsonObject { ["code"] = "invalid_request", ["message"] = message, ["request_id"] = "938807c1e2d34f5a9b0c4074bb9a" } }.ToJsonString());

        private static JsonObject Payment(string id, string status, string reference) => new()
        {
            ["id"] = id,
            ["kind"] = "payment",
            ["status"] = status,
            ["amount"] = 9875,
            ["currency"] = "EUR",
            ["reference"] = reference,
        };

        private sealed class Client(ExamplePayClient client) : IProviderClient
        {
            public string TraceIdOf(PaymentsException error) => (error as PaymentsApiException)?.TraceId ?? string.Empty;

            public Task StartAsync(string? reference, CancellationToken cancellationToken)
            {
                // What ExamplePayCardPayments sends after the neutral rules; the neutral rules themselves are tested through ICardPayments.
                var request = new CardPaymentRequest { Amount = new Money(98.75m, "EUR"), MerchantReference = reference ?? "ORDER-0001" };
                request.Validate();
                return client.StartAsync(
                    new PaymentBody { Kind = "payment", Amount = request.Amount.MinorUnits, Currency = "EUR", Reference = request.MerchantReference, IdempotencyKey = "ik_0001" },
                    cancellationToken);
            }

            public Task CancelAsync(string id, CancellationToken cancellationToken) => client.CancelAsync(id, cancellationToken);

            public Task QueryAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, cancellationToken);

            public Task<int> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException("Example Pay has no list.");

            public void Dispose() => client.Dispose();
        }
    }
}


/// <summary>A client of one provider, seen through the kinds of call the promises are about.</summary>
internal interface IProviderClient : IDisposable
{
    /// <summary>Starts a payment (SUNBAY: a sale; CM.com: a purchase) with the given reference (a default when null).</summary>
    Task StartAsync(string? reference = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a transaction (SUNBAY: an abort, a POST; CM.com: a DELETE).</summary>
    Task CancelAsync(string id = ProviderCase.TransactionId, CancellationToken cancellationToken = default);

    /// <summary>Reads a transaction once.</summary>
    Task QueryAsync(string id = ProviderCase.TransactionId, CancellationToken cancellationToken = default);

    /// <summary>Reads a paged list to its end; the number of items.</summary>
    Task<int> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The trace id a provider's error carries, where it has one.</summary>
    string TraceIdOf(PaymentsException error);
}
