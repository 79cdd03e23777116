using Sunbay.Client.Testing;

namespace Sunbay.Client.Testing.Tests.CmCom;

/// <summary>
/// A transaction's life on the fake CM.com host (guide: Transactions, Resources), in memory on a <see cref="FakeClock"/>:
/// pick-up after 2 s, card after 2 s more, the acquirer's answer 1 s later, clearing 1 s after that.
/// </summary>
public sealed class FakeCmComTransactionTests : IAsyncDisposable
{
    private static readonly TimeSpan ToCard = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ToAuthorized = TimeSpan.FromSeconds(5);
    private readonly CmComSession _fake = new(options => options.OutcomesByAmount[13.13m] = FakeCardResult.Decline("05", "Do not honour"));

    private FakeCmComTerminal Terminal => _fake.Host.Terminal(CmComCaller.Terminal);

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task A_purchase_goes_from_CREATED_to_AUTHORIZED_to_CLEARED_and_gains_the_processed_fields()
    {
        var posted = await _fake.Cm.StartAsync(CmComCaller.Purchase(98.75m));

        Assert.Equal(201, posted.Status);
        var id = posted["id"]!;
        Assert.Equal($$"""{"type":"PURCHASE","id":"{{id}}","merchant_order_reference":"inv2112280004","creation_datetime":"2026-01-01T00:00:00.000Z","amount":{"value":98.75,"currency":"EUR"},"status":"CREATED"}""", posted.Body);
        Assert.Equal($"/terminals/{CmComCaller.Terminal}/transactions/{id}", posted.Header("Location"));

        _fake.Clock.Advance(ToAuthorized);
        var authorized = await _fake.Cm.GetTransactionAsync(id);
        Assert.Equal(("AUTHORIZED", "APPROVED", "V_PAY"), (authorized["status"], authorized["result"], authorized["brand"]));
        Assert.Equal("2026-01-01T00:00:05.000Z", authorized["transaction_datetime"]);
        Assert.Matches("^[0-9]{6}$", authorized["system_trace_audit_number"]);
        Assert.Contains("APPROVED", authorized["receipt"], StringComparison.Ordinal);
        Assert.Contains("98.75 EUR", authorized["receipt"], StringComparison.Ordinal);
        Assert.Equal(_fake.Host.Stores[0].Uuid, authorized.Json.GetProperty("store").GetProperty("uuid").GetString());
        Assert.Equal("Fake Store", authorized.Json.GetProperty("store").GetProperty("name").GetString());

        _fake.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("CLEARED", (await _fake.Cm.GetTransactionAsync(id))["status"]);
        Assert.True(_fake.Host.FindTransaction(id)!.IsFinal);
    }

    [Fact]
    public async Task Before_processing_a_GET_answers_as_the_POST_did()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(ToCard);

        var read = await _fake.Cm.GetTransactionAsync(id);

        Assert.Equal("CREATED", read["status"]);
        Assert.Null(read["result"]);
        Assert.Null(read["receipt"]);
    }

    [Fact]
    public async Task A_scripted_decline_ends_CANCELLED_with_result_DECLINED()
    {
        Terminal.DeclineNext("51", "Insufficient funds");
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(ToAuthorized);

        var read = await _fake.Cm.GetTransactionAsync(id);

        Assert.Equal(("CANCELLED", "DECLINED"), (read["status"], read["result"]));
        Assert.Contains("DECLINED 51", read["receipt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_of_the_outcome_table_is_declined()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(13.13m)))["id"]!;
        _fake.Clock.Advance(ToAuthorized);

        Assert.Equal("DECLINED", (await _fake.Cm.GetTransactionAsync(id))["result"]);
    }

    [Fact]
    public async Task A_cardholder_cancel_ends_CANCELLED_without_a_result()
    {
        Terminal.CancelNext();
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(ToCard);

        var read = await _fake.Cm.GetTransactionAsync(id);

        Assert.Equal("CANCELLED", read["status"]);
        Assert.Null(read["result"]);
        Assert.Equal("cancelled by the cardholder", _fake.Host.FindTransaction(id)!.CancelReason);
    }

    [Fact]
    public async Task A_second_payment_aborts_the_first_while_it_waits_to_be_picked_up()
    {
        var first = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-a")))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await _fake.Cm.StartAsync(CmComCaller.Purchase(20m, "order-b")))["id"]!;

        Assert.Equal("CANCELLED", (await _fake.Cm.GetTransactionAsync(first))["status"]);
        Assert.Null((await _fake.Cm.GetTransactionAsync(first))["result"]);
        Assert.StartsWith("aborted", _fake.Host.FindTransaction(first)!.CancelReason, StringComparison.Ordinal);
        _fake.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(second, Terminal.CurrentTransaction?.Id);
        _fake.Clock.Advance(ToAuthorized);
        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(second))["result"]);
    }

    [Fact]
    public async Task A_payment_posted_while_the_terminal_processes_another_waits_for_the_next_poll()
    {
        var first = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-a")))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(3));
        var second = (await _fake.Cm.StartAsync(CmComCaller.Purchase(20m, "order-b")))["id"]!;

        Assert.Equal(first, Terminal.CurrentTransaction?.Id);
        Assert.Equal(second, Terminal.WaitingTransaction?.Id);
        _fake.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("AUTHORIZED", (await _fake.Cm.GetTransactionAsync(first))["status"]);
        _fake.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(second, Terminal.CurrentTransaction?.Id);
        _fake.Clock.Advance(ToAuthorized);
        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(second))["result"]);
    }

    [Fact]
    public async Task A_terminal_that_does_not_poll_leaves_the_transaction_CREATED_until_it_is_back()
    {
        Terminal.IsPolling = false;
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("CREATED", (await _fake.Cm.GetTransactionAsync(id))["status"]);
        Assert.Null(_fake.Host.FindTransaction(id)!.PickedUpAt);

        Terminal.IsPolling = true;
        _fake.Clock.Advance(ToAuthorized);

        Assert.Equal("AUTHORIZED", (await _fake.Cm.GetTransactionAsync(id))["status"]);
    }

    [Fact]
    public async Task A_cancel_while_CREATED_is_204_and_the_transaction_CANCELLED()
    {
        var waiting = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-a")))["id"]!;
        Assert.Equal(204, (await _fake.Cm.CancelAsync(waiting)).Status);
        Assert.Equal("CANCELLED", (await _fake.Cm.GetTransactionAsync(waiting))["status"]);

        var pickedUp = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-b")))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(pickedUp, Terminal.CurrentTransaction?.Id);
        var cancelled = await _fake.Cm.CancelAsync(pickedUp);

        Assert.Equal((204, string.Empty), (cancelled.Status, cancelled.Body));
        Assert.Null(Terminal.CurrentTransaction);
        _fake.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("cancelled by the merchant", _fake.Host.FindTransaction(pickedUp)!.CancelReason);
        Assert.Null(_fake.Host.FindTransaction(pickedUp)!.Result);
    }

    [Fact]
    public async Task A_cancel_once_a_card_was_presented_is_409_and_the_payment_goes_on()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(ToCard);
        Assert.Equal("CREATED", (await _fake.Cm.GetTransactionAsync(id))["status"]);

        var refused = await _fake.Cm.CancelAsync(id);

        Assert.Contains("a card was presented", refused.Problem(409, "Conflict", $"/terminals/{CmComCaller.Terminal}/transactions/{id}"), StringComparison.Ordinal);
        _fake.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(id))["result"]);
    }

    [Fact]
    public async Task A_cancel_of_an_ended_transaction_is_409()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Contains("CLEARED", (await _fake.Cm.CancelAsync(id)).Problem(409, "Conflict", $"/terminals/{CmComCaller.Terminal}/transactions/{id}"), StringComparison.Ordinal);

        var cancelled = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m, "order-2")))["id"]!;
        Assert.Equal(204, (await _fake.Cm.CancelAsync(cancelled)).Status);
        Assert.Equal(409, (await _fake.Cm.CancelAsync(cancelled)).Status);
    }

    [Fact]
    public async Task PresentCard_overrides_a_cardholder_who_never_presents_one()
    {
        Terminal.NeverPresentCardNext();
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("CREATED", (await _fake.Cm.GetTransactionAsync(id))["status"]);

        Assert.True(Terminal.PresentCard());
        _fake.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("APPROVED", (await _fake.Cm.GetTransactionAsync(id))["result"]);
        Assert.False(Terminal.PresentCard());
    }

    [Fact]
    public async Task Unknown_terminals_and_transactions_are_404()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;
        _fake.Host.AddTerminal("SUNMI-P2lite-OTHER00001");

        (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m), "SUNMI-P2lite-NOPE")).Problem(404, "Not Found", "/terminals/SUNMI-P2lite-NOPE/transactions");
        Assert.Equal(404, (await _fake.Cm.GetTransactionAsync("no-such-id")).Status);
        Assert.Equal(404, (await _fake.Cm.GetTransactionAsync(id, "SUNMI-P2lite-OTHER00001")).Status);
        Assert.Equal(404, (await _fake.Cm.CancelAsync(id, "SUNMI-P2lite-OTHER00001")).Status);
        Assert.Single(_fake.Host.Transactions);
    }

    [Fact]
    public async Task A_terminal_id_in_another_case_is_the_same_terminal_as_the_guide_writes_p2lite_and_p2Lite()
    {
        var id = (await _fake.Cm.StartAsync(CmComCaller.Purchase(10m)))["id"]!;

        Assert.Equal(200, (await _fake.Cm.GetTransactionAsync(id, CmComCaller.Terminal.ToUpperInvariant())).Status);
        Assert.Matches("^[1-9][0-9]{30}$", id);
        Assert.Single(_fake.Host.Terminals);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_other_methods_405_as_problem_json()
    {
        (await _fake.Cm.SendAsync(HttpMethod.Get, "merchants")).Problem(404, "Not Found", "/merchants");
        var put = await _fake.Cm.SendAsync(HttpMethod.Put, "stores");

        put.Problem(405, "Method Not Allowed", "/stores");
        Assert.Equal("GET", put.Header("Allow"));
    }
}
