using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>The paginated lists (stores, terminals, a terminal's transactions, newest first) and a terminal's day totals.</summary>
internal sealed partial class CmComEngine
{
    private FakeAnswer ListStores(IncomingRequest request) =>
        CmComPage.Read(request, out var page) ?? page.Answer(_stores.Select(CmComViews.Store).ToList(), _baseAddress(), request.Path);

    private FakeAnswer ListTerminals(IncomingRequest request) =>
        CmComPage.Read(request, out var page) ?? page.Answer(_terminalOrder.Select(CmComViews.Terminal).ToList(), _baseAddress(), request.Path);

    private FakeAnswer ListTransactions(CmComRoute route, IncomingRequest request)
    {
        if (FindTerminal(route, request, out var terminal) is { } unknown)
        {
            return unknown;
        }

        // A new transaction may show in the list late (ListShowsNewTransactionsAfter): the case a recovery must wait out.
        var shownUpTo = Time.GetUtcNow() - _options.ListShowsNewTransactionsAfter;
        return CmComPage.Read(request, out var page) ?? page.Answer(
            _transactions.Where(t => t.Terminal == terminal && t.CreatedAt <= shownUpTo).Reverse().Select(CmComViews.Transaction).ToList(), _baseAddress(), request.Path);
    }

    /// <summary>Today (the host clock's UTC day): the approved transactions the acquirer answered today.</summary>
    private FakeAnswer DayTotals(CmComRoute route, IncomingRequest request)
    {
        if (FindTerminal(route, request, out var terminal) is { } unknown)
        {
            return unknown;
        }

        var now = Time.GetUtcNow();
        var today = _transactions.Where(t => t.Terminal == terminal && t.Result == "APPROVED" && t.ProcessedAt?.UtcDateTime.Date == now.UtcDateTime.Date);
        return new FakeAnswer(200, null, CmComJson.Write(new CmWire.DayTotals { Receipt = CmComReceipt.DayTotals(terminal, today, now) }));
    }
}
