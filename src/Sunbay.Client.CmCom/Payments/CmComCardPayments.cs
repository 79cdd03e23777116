using Sunbay.Client.CmCom.Transactions;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Pipeline;

namespace Sunbay.Client.CmCom.Payments;

/// <summary>
/// <see cref="ICardPayments"/> over <see cref="ICmComClient"/>: a payment is a CM.com purchase, a refund a CM.com
/// refund, a cancel a <c>DELETE</c>. Registered by <c>AddCmComClient</c> as the keyed service <c>cm</c> (a named client:
/// <c>cm:{name}</c>).
/// </summary>
/// <remarks>
/// CM.com has no idempotency key: with <see cref="CardPaymentRequest.IdempotencyKey"/> set, a start looks for the
/// merchant reference on the terminal first (<see cref="ICmComClient.StartOrResumePurchaseAsync"/>) and resumes what it
/// finds; the key itself is not sent. CM.com has no description either: <see cref="CardPaymentRequest.Description"/> is
/// validated and not sent.
/// </remarks>
internal sealed class CmComCardPayments : CardPaymentsProvider
{
    /// <summary>The provider name of the default client, in configuration and in every outcome.</summary>
    public const string ProviderName = "cm";

    /// <summary>Between the terminal and CM.com's transaction id in <see cref="CardPaymentOperation.Id"/>; no terminal id holds it.</summary>
    private const char IdSeparator = '/';

    // CM.com's wire names of the fields the neutral requests fill, so that a CM.com rule names the property the caller set.
    private static readonly Dictionary<string, string> NeutralFields = new(StringComparer.Ordinal)
    {
        ["merchant_order_reference"] = nameof(CardPaymentRequest.MerchantReference),
        ["amount"] = nameof(CardPaymentRequest.Amount),
        ["amount.value"] = nameof(CardPaymentRequest.Amount),
        ["amount.currency"] = nameof(CardPaymentRequest.Amount),
        ["terminalId"] = nameof(CardPaymentRequest.Terminal),
        ["reference.id"] = nameof(CardRefundRequest.OriginalTransactionId),
    };

    private readonly Client _client;

    /// <param name="client">The CM.com client that sends everything.</param>
    public CmComCardPayments(ICmComClient client)
        : base(ProviderName, "CM.com", NeutralFields) => _client = new Client(client);

    /// <summary>The keyed-service name of the client registered as <paramref name="clientName"/>: <c>cm</c>, or <c>cm:{name}</c>.</summary>
    public static string KeyOf(string clientName) => KeyOf(ProviderName, clientName);

    protected override async Task<CardPaymentOperation> StartPaymentCoreAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        var purchase = new CmComPurchaseRequest
        {
            MerchantOrderReference = request.MerchantReference,
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            TerminalId = request.Terminal,
        };
        var operation = mode switch
        {
            CardPaymentStartMode.Fresh => await _client.StartPurchaseAsync(purchase, cancellationToken).ConfigureAwait(false),
            CardPaymentStartMode.AfterLostAnswer => await FindLateAsync(request.MerchantReference, request.Terminal, CmComTransactionType.Purchase, request.Amount, _client.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ?? await _client.StartPurchaseAsync(purchase, cancellationToken).ConfigureAwait(false),
            _ => await _client.StartOrResumePurchaseAsync(purchase, cancellationToken).ConfigureAwait(false),
        };
        return new CmComCardPaymentOperation(operation, CardPaymentKind.Payment, request.Amount);
    }

    protected override async Task<CardPaymentOperation> StartRefundCoreAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        var refund = new CmComRefundRequest
        {
            MerchantOrderReference = request.MerchantReference,
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            TerminalId = request.Terminal,
            PurchaseId = request.OriginalTransactionId,
        };
        var operation = mode switch
        {
            CardPaymentStartMode.Fresh => await _client.StartRefundAsync(refund, cancellationToken).ConfigureAwait(false),
            CardPaymentStartMode.AfterLostAnswer => await FindLateAsync(request.MerchantReference, request.Terminal, CmComTransactionType.Refund, request.Amount, _client.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ?? await _client.StartRefundAsync(refund, cancellationToken).ConfigureAwait(false),
            _ => await _client.StartOrResumeRefundAsync(refund, cancellationToken).ConfigureAwait(false),
        };
        return new CmComCardPaymentOperation(operation, CardPaymentKind.Refund, request.Amount);
    }

    public override async Task<CardPaymentOperation?> FindStartedAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = entry.Kind == CardPaymentKind.Refund ? CmComTransactionType.Refund : CmComTransactionType.Purchase;
        var found = await FindLateAsync(entry.MerchantReference, entry.Terminal, type, entry.Amount, entry.OpenedAt, cancellationToken).ConfigureAwait(false);
        return found is null ? null : new CmComCardPaymentOperation(found, entry.Kind, entry.Amount);
    }

    public override CardPaymentOperation GetOperation(string id)
    {
        var separator = id?.IndexOf(IdSeparator, StringComparison.Ordinal) ?? -1;
        if (id is null || separator <= 0 || separator == id.Length - 1)
        {
            throw new PaymentsValidationException(nameof(id), "must be the Id of a CM.com operation: '{terminal}/{transactionId}', e.g. 'SUNMI-P2lite-PL0919CQ00305/7f3c2a'");
        }

        try
        {
            return new CmComCardPaymentOperation(_client.GetOperation(id[(separator + 1)..], id[..separator]), kind: null, requested: null);
        }
        catch (PaymentsValidationException ex)
        {
            throw new PaymentsValidationException(nameof(id), $"must be the Id of a CM.com operation: its {ex.Field} {ex.Rule}");
        }
    }

    /// <summary>
    /// The transaction an earlier start with the reference created, re-reading the terminal's list until
    /// <see cref="ClientPollingOptions.NotReceivedAfter"/> after <paramref name="since"/>: CM.com does not say how soon a
    /// new transaction shows in the list, and sending again while it may still show would charge twice.
    /// </summary>
    private async Task<CmComTransactionOperation?> FindLateAsync(string reference, string? terminal, CmComTransactionType type, Money amount, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var polling = _client.PollingOptions;
        var found = await FindWithinAsync(
            async token => await _client.FindTransactionByReferenceAsync(reference, terminal, token).ConfigureAwait(false) is { } listed && listed.Type == type ? listed : null,
            since + polling.NotReceivedAfter,
            polling,
            _client.Time,
            cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        if (found.Amount != amount.Amount || !string.Equals(found.Currency, amount.Currency, StringComparison.Ordinal))
        {
            throw new PaymentsValidationException(
                "merchant_order_reference",
                $"already names {found.Type} '{found.Id}' of {found.Amount} {found.Currency}, not {amount}: use a new reference for a new transaction");
        }

        return _client.GetOperation(found.Id, terminal);
    }

    /// <summary>The operation's <see cref="CardPaymentOperation.Id"/>: the terminal and the transaction, both needed to read it.</summary>
    internal static string IdOf(string terminalId, string transactionId) => $"{terminalId}{IdSeparator}{transactionId}";

    /// <summary>The client, with the clock and polling options of a <see cref="CmComClient"/> (defaults for another implementation).</summary>
    private sealed class Client(ICmComClient inner)
    {
        private static readonly CmComPollingOptions DefaultPolling = new();

        public TimeProvider Time => (inner as ICmComStatusSource)?.TimeProvider ?? TimeProvider.System;

        public CmComPollingOptions PollingOptions => (inner as CmComClient)?.CurrentOptions.Polling ?? DefaultPolling;

        public DateTimeOffset GetUtcNow() => Time.GetUtcNow();

        public Task<CmComTransactionOperation> StartPurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken) => inner.StartPurchaseAsync(request, cancellationToken);

        public Task<CmComTransactionOperation> StartRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken) => inner.StartRefundAsync(request, cancellationToken);

        public Task<CmComTransactionOperation> StartOrResumePurchaseAsync(CmComPurchaseRequest request, CancellationToken cancellationToken) => inner.StartOrResumePurchaseAsync(request, cancellationToken);

        public Task<CmComTransactionOperation> StartOrResumeRefundAsync(CmComRefundRequest request, CancellationToken cancellationToken) => inner.StartOrResumeRefundAsync(request, cancellationToken);

        public Task<CmComTransaction?> FindTransactionByReferenceAsync(string reference, string? terminal, CancellationToken cancellationToken) => inner.FindTransactionByReferenceAsync(reference, terminal, cancellationToken);

        public CmComTransactionOperation GetOperation(string transactionId, string? terminalId) => inner.GetOperation(transactionId, terminalId);
    }
}
