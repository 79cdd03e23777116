using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sunbay.Client.Testing;
using Sunbay.Client.Webhooks;

namespace Sunbay.Client.AspNetCore.Tests;

public sealed class WebhookEndpointTests
{
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly ConcurrentQueue<TransactionNotification> _handled = new();

    private SunbayWebhookSigner Signer => new(TestData.Secret, _time);

    [Fact]
    public async Task A_verified_delivery_is_answered_200_and_handled()
    {
        await using var receiver = await StartAsync();

        using var response = await receiver.PostAsync(Signer.Sign(TestData.Body(), "delivery-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notification = Assert.Single(_handled);
        Assert.Equal("delivery-1", notification.ClientRequestId);
        Assert.Equal("req-1", notification.Transaction.TransactionRequestId);
        Assert.Equal(TransactionStatus.Success, notification.Transaction.Status);
    }

    public enum Bad
    {
        TamperedBody,
        WrongSecret,
        StaleTimestamp,
        MissingSignature,
        MalformedBody,
        OversizedBody,
        OversizedChunkedBody,
    }

    [Theory]
    [InlineData(Bad.TamperedBody, HttpStatusCode.Unauthorized)]
    [InlineData(Bad.WrongSecret, HttpStatusCode.Unauthorized)]
    [InlineData(Bad.StaleTimestamp, HttpStatusCode.Unauthorized)]
    [InlineData(Bad.MissingSignature, HttpStatusCode.BadRequest)]
    [InlineData(Bad.MalformedBody, HttpStatusCode.BadRequest)]
    [InlineData(Bad.OversizedBody, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(Bad.OversizedChunkedBody, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_bad_delivery_is_rejected_and_not_handled(Bad bad, HttpStatusCode expected)
    {
        await using var receiver = await StartAsync();
        var message = bad switch
        {
            Bad.WrongSecret => new SunbayWebhookSigner("whsec_attacker", _time).Sign(TestData.Body()),
            Bad.MalformedBody => Signer.Sign("not json"),
            Bad.OversizedBody or Bad.OversizedChunkedBody => Signer.Sign(TestData.Body() + new string(' ', SunbayWebhookOptions.DefaultMaxBodyBytes)),
            _ => Signer.Sign(TestData.Body()),
        };
        using var request = message.ToHttpRequestMessage(receiver.Url);
        switch (bad)
        {
            case Bad.TamperedBody:
                request.Content = Json(TestData.Body(status: "F"));
                break;
            case Bad.StaleTimestamp:
                _time.Advance(TimeSpan.FromMinutes(6));
                break;
            case Bad.MissingSignature:
                request.Headers.Remove(SunbayWebhookHeaders.SignatureHeaderName);
                break;
            case Bad.OversizedChunkedBody:
                request.Content = new StreamContent(new NonSeekableStream(message.Body.ToArray()));
                request.Headers.TransferEncodingChunked = true;
                break;
        }

        using var response = await receiver.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_answered_200_and_processed_once()
    {
        await using var receiver = await StartAsync();
        var message = Signer.Sign(TestData.Body(), "delivery-dup");

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => receiver.PostAsync(message)));
        using var later = await receiver.PostAsync(message);

        Assert.All(concurrent, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Single(_handled);

        // The same delivery ID with another status is another notification.
        using var closed = await receiver.PostAsync(Signer.Sign(TestData.Body(status: "C"), "delivery-dup"));
        Assert.Equal(2, _handled.Count);
    }

    public enum Store
    {
        InMemory,
        DistributedCache,
    }

    [Theory]
    [InlineData(Store.InMemory)]
    [InlineData(Store.DistributedCache)]
    public async Task A_signed_body_replayed_hours_later_with_fresh_headers_runs_the_handler_once(Store store)
    {
        // SUNBAY signs the body only: X-Timestamp and X-Client-Request-Id can be renewed by anyone holding a captured body.
        await using var receiver = await WebhookReceiver.StartAsync(
            (notification, _) =>
            {
                _handled.Enqueue(notification);
                return Task.CompletedTask;
            },
            _time,
            services: s =>
            {
                if (store == Store.DistributedCache)
                {
                    s.AddDistributedMemoryCache();
                    s.AddSingleton<IWebhookDeduplicationStore>(sp => new DistributedCacheWebhookDeduplicationStore(sp.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>()));
                }
            });
        var refund = TestData.Body("refund-1", "S", transactionId: "7225836252469001").Replace("\"SALE\"", "\"REFUND\"", StringComparison.Ordinal);
        var statuses = new List<HttpStatusCode>();

        for (var replay = 0; replay < 4; replay++)
        {
            using var response = await receiver.PostAsync(Signer.Sign(refund)); // a fresh timestamp and a new request ID
            statuses.Add(response.StatusCode);
            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var handled = Assert.Single(_handled);
        Assert.Equal("refund-1", handled.Transaction.TransactionRequestId);
    }

    [Fact]
    public async Task A_new_status_of_the_same_transaction_and_a_refund_of_it_are_new_events()
    {
        await using var receiver = await StartAsync();

        using var success = await receiver.PostAsync(Signer.Sign(TestData.Body("sale-1", "S")));
        using var again = await receiver.PostAsync(Signer.Sign(TestData.Body("sale-1", "S")));
        using var closed = await receiver.PostAsync(Signer.Sign(TestData.Body("sale-1", "C")));
        using var refund = await receiver.PostAsync(Signer.Sign(TestData.Body("refund-of-sale-1", "S", transactionId: "7225836252469002")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [success.StatusCode, again.StatusCode, closed.StatusCode, refund.StatusCode]);
        Assert.Equal(["sale-1/S", "sale-1/C", "refund-of-sale-1/S"], _handled.Select(n => $"{n.Transaction.TransactionRequestId}/{n.Transaction.Status.Value}").ToArray());
    }

    [Fact]
    public async Task A_webhook_with_an_amount_out_of_range_is_answered_400_not_500()
    {
        await using var receiver = await StartAsync();
        var body = TestData.Body("req-big").Replace("\"transAmount\":1050", "\"transAmount\":1e20", StringComparison.Ordinal);

        using var response = await receiver.PostAsync(Signer.Sign(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(nameof(SunbayWebhookFailureReason.MalformedBody), await response.Content.ReadAsStringAsync());
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_webhook_with_numbers_in_string_fields_or_in_an_envelope_is_handled()
    {
        await using var receiver = await StartAsync();
        var numeric = """{"transactionId":7225836252469003,"transactionRequestId":"req-num","transactionStatus":"S","batchNo":7,"stan":12,"authCode":123456,"amount":{"priceCurrency":"USD","transAmount":"1050"}}""";
        var envelope = """{"code":"0","msg":"Success","traceId":"t-1","data":""" + TestData.Body("req-env", "S", transactionId: "7225836252469004") + "}";

        using var first = await receiver.PostAsync(Signer.Sign(numeric));
        using var second = await receiver.PostAsync(Signer.Sign(envelope));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["req-num", "req-env"], _handled.Select(n => n.Transaction.TransactionRequestId).ToArray());
        Assert.Equal("7225836252469003", _handled.First().Transaction.TransactionId);
        Assert.Equal("7", _handled.First().Transaction.BatchNo);
    }

    [Fact]
    public async Task A_failing_handler_answers_500_and_the_redelivery_is_processed()
    {
        var calls = 0;
        await using var receiver = await WebhookReceiver.StartAsync(
            (n, ct) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("database down") : Task.CompletedTask,
            _time);
        var message = Signer.Sign(TestData.Body());

        using var first = await receiver.PostAsync(message);
        using var retry = await receiver.PostAsync(message);
        using var duplicate = await receiver.PostAsync(message);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_slow_handler_is_answered_200_within_5_seconds_and_goes_on()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await WebhookReceiver.StartAsync(
            async (n, ct) =>
            {
                started.SetResult();
                await gate.Task;
                finished.SetResult(ct.IsCancellationRequested);
            },
            _time);
        var post = receiver.PostAsync(Signer.Sign(TestData.Body()));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(post.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3)); // the acknowledgement timeout
        using var response = await post.WaitAsync(TimeSpan.FromSeconds(5)); // a hang guard: the answer is due at once

        // Answered at the 3-second acknowledgement timeout of the (fake) clock, inside SUNBAY's 5 seconds, not at the handler's end.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(finished.Task.IsCompleted);
        gate.SetResult();
        Assert.False(await finished.Task.WaitAsync(TimeSpan.FromSeconds(5)), "the handler's token was cancelled with the request");
    }

    [Fact]
    public async Task An_operation_waiting_in_the_same_process_completes_by_webhook_without_polling_again()
    {
        await using var receiver = await StartAsync();
        var api = new ProcessingQueryHandler("req-1");
        using var sunbay = new SunbayClient(
            TestData.ClientOptions(),
            primaryHandler: api,
            timeProvider: _time,
            notificationBus: receiver.Services.GetRequiredService<ITransactionNotificationBus>());
        var operation = sunbay.GetOperation("req-1");

        var waiting = operation.WaitForCompletionAsync();
        using var response = await receiver.PostAsync(Signer.Sign(TestData.Body("req-1", "S")));
        var transaction = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TransactionStatus.Success, transaction.Status);
        Assert.True(operation.HasCompleted);
        Assert.Equal(1, api.Requests); // the first poll only: time never advanced to a second one
    }

    private Task<WebhookReceiver> StartAsync() => WebhookReceiver.StartAsync(
        (notification, _) =>
        {
            _handled.Enqueue(notification);
            return Task.CompletedTask;
        },
        _time);

    private static ByteArrayContent Json(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(SunbayWebhookMessage.ContentType);
        return content;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
