using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>Start, read and cancel a transaction (the guide's Transactions and Resources sections).</summary>
internal sealed partial class CmComEngine
{
    /// <summary>
    /// POST: the body's rules, the type (a missing one is a PURCHASE), the currency's decimals and, for a refund, the
    /// refund rules; then the transaction is CREATED and waits for the terminal (aborting one still waiting there).
    /// </summary>
    private FakeAnswer StartTransaction(CmComRoute route, IncomingRequest request)
    {
        if (FindTerminal(route, request, out var terminal) is { } unknown)
        {
            return unknown;
        }

        if (ReadBody<CmWire.TransactionRequest>(request, out var body) is { } refused)
        {
            return refused;
        }

        var type = body.Type ?? "PURCHASE";
        var problem = type switch
        {
            "PURCHASE" when body.Reference is not null => "reference is only sent with a REFUND.",
            "PURCHASE" or "REFUND" => CmComCurrencies.CheckDecimals(body.Amount.Value, body.Amount.Currency),
            _ => $"type must be PURCHASE or REFUND (was '{type}').",
        };
        problem ??= type == "REFUND" && body.Reference is { } reference ? CheckRefund(reference.Id, body.Amount) : null;
        if (problem is not null)
        {
            return CmComProblem.Answer(400, problem, request.Path);
        }

        var transaction = new FakeCmComTransaction(NewTransactionId(), terminal, type, body.MerchantOrderReference, body.Amount.Value, body.Amount.Currency, Time.GetUtcNow())
        {
            ReferenceId = body.Reference?.Id,
        };
        _byId.Add(transaction.Id, transaction);
        _transactions.Add(transaction);
        Post(terminal, transaction);
        return new FakeAnswer(201, null, CmComJson.Write(CmComViews.Transaction(transaction)))
        {
            Headers = new Dictionary<string, string> { ["Location"] = $"{request.Path.TrimEnd('/')}/{transaction.Id}" },
        };
    }

    private FakeAnswer GetTransaction(CmComRoute route, IncomingRequest request) =>
        FindTransaction(route, request, out var transaction) ?? new FakeAnswer(200, null, CmComJson.Write(CmComViews.Transaction(transaction)));

    /// <summary>DELETE: 204 while CREATED and no card was presented; 409 once one was, or once the transaction ended.</summary>
    private FakeAnswer CancelTransaction(CmComRoute route, IncomingRequest request)
    {
        if (FindTransaction(route, request, out var transaction) is { } unknown)
        {
            return unknown;
        }

        if (CancelByMerchant(transaction))
        {
            return new FakeAnswer(204, null, string.Empty);
        }

        var why = transaction.Status == "CREATED" ? "a card was presented" : $"it is {transaction.Status}";
        return CmComProblem.Answer(409, $"The transaction can no longer be cancelled: {why}.", request.Path);
    }

    /// <summary>A transaction of the path's terminal, or 404 (an unknown terminal, or a transaction of another terminal).</summary>
    private FakeAnswer? FindTransaction(CmComRoute route, IncomingRequest request, out FakeCmComTransaction transaction)
    {
        transaction = null!;
        if (FindTerminal(route, request, out var terminal) is { } unknown)
        {
            return unknown;
        }

        if (!_byId.TryGetValue(route.ItemId!, out var found) || found.Terminal != terminal)
        {
            return CmComProblem.Answer(404, $"No transaction '{route.ItemId}' on terminal '{terminal.Id}'.", request.Path);
        }

        transaction = found;
        return null;
    }

    /// <summary>
    /// A referenced refund pays back an APPROVED purchase in the same currency, and the refunds of one purchase (those
    /// not cancelled) never exceed it; the problem, or null.
    /// </summary>
    private string? CheckRefund(string purchaseId, CmWire.Amount amount)
    {
        if (!_byId.TryGetValue(purchaseId, out var purchase))
        {
            return $"reference.id: no transaction '{purchaseId}'.";
        }

        // Approved means paid: result APPROVED while AUTHORIZED or CLEARED; a CANCELLED one was "completed unsuccessfully".
        if (purchase.Type != "PURCHASE" || purchase.Result != "APPROVED" || purchase.Status is not ("AUTHORIZED" or "CLEARED"))
        {
            return $"reference.id: transaction '{purchaseId}' is not an approved purchase.";
        }

        if (purchase.Currency != amount.Currency)
        {
            return $"amount.currency must be {purchase.Currency}, the purchase's currency.";
        }

        var refunded = _transactions.Where(t => t.ReferenceId == purchaseId && t.Status != "CANCELLED").Sum(t => t.Amount);
        return refunded + amount.Value > purchase.Amount
            ? $"amount.value exceeds what is left to refund of the purchase ({purchase.Amount - refunded} {purchase.Currency})."
            : null;
    }
}
