using System.Net;
using Sunbay.Client;
using Sunbay.Client.Payments;
using Sunbay.Client.Payments.Durability;
using Sunbay.Client.Pipeline;

namespace ExamplePay;

/// <summary>
/// <see cref="ICardPayments"/> over Example Pay: a payment and a refund are <c>POST payments</c>, a cancel
/// <c>POST payments/{id}/cancel</c>. Example Pay has a real idempotency key, so a start always sends one (the caller's,
/// or a new one) and a start again with it returns the first payment instead of charging twice.
/// </summary>
public sealed class ExamplePayCardPayments : CardPaymentsProvider, IDisposable
{
    private static readonly Dictionary<string, string> NeutralFields = new(StringComparer.Ordinal)
    {
        ["reference"] = nameof(CardPaymentRequest.MerchantReference),
        ["amount"] = nameof(CardPaymentRequest.Amount),
        ["currency"] = nameof(CardPaymentRequest.Amount),
        ["terminal"] = nameof(CardPaymentRequest.Terminal),
        ["idempotency_key"] = nameof(CardPaymentRequest.IdempotencyKey),
        ["original_payment_id"] = nameof(CardRefundRequest.OriginalTransactionId),
    };

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly ExamplePayClient _client;
    private readonly PaymentsPollingOptions _polling;

    /// <param name="client">The client every call goes through; disposed with this.</param>
    /// <param name="polling">How operations wait; the defaults when null.</param>
    public ExamplePayCardPayments(ExamplePayClient client, PaymentsPollingOptions? polling = null)
        : base(ExamplePayDialect.Name, "Example Pay", NeutralFields)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _polling = polling ?? new();
    }

    /// <inheritdoc/>
    public override CardPaymentOperation GetOperation(string id)
    {
        if (id is null || !IsPaymentId(id))
        {
            throw new PaymentsValidationException(nameof(id), "must be an Example Pay payment id: 'pay_' and 1 to 40 letters or digits");
        }

        return new Operation(this, id, kind: null, requested: null);
    }

    /// <inheritdoc/>
    public override async Task<CardPaymentOperation?> FindStartedAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await FindWithinAsync(token => FindAsync(entry.Key, token), entry.OpenedAt + _polling.NotReceivedAfter, _polling, _client.Pipeline.TimeProvider, cancellationToken).ConfigureAwait(false) is { } found
            ? new Operation(this, found.Id, entry.Kind, entry.Amount, found)
            : null;
    }

    private async Task<PaymentWire?> FindAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.FindByKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentsApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose() => _client.Dispose();

    /// <inheritdoc/>
    protected override Task<CardPaymentOperation> StartPaymentCoreAsync(CardPaymentRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken) =>
        StartAsync(CardPaymentKind.Payment, request.Amount, request.MerchantReference, request.Terminal, originalId: null, request.IdempotencyKey, mode, cancellationToken);

    /// <inheritdoc/>
    protected override Task<CardPaymentOperation> StartRefundCoreAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken) =>
        StartAsync(CardPaymentKind.Refund, request.Amount, request.MerchantReference, request.Terminal, request.OriginalTransactionId, request.IdempotencyKey, mode, cancellationToken);

    // A start that may have been made before (the caller's key, a lost answer) looks the key up first and resumes what
    // it finds: Example Pay would also return the first payment for the same key and body, but nothing is sent twice.
    private async Task<CardPaymentOperation> StartAsync(CardPaymentKind kind, Money amount, string reference, string? terminal, string? originalId, string? key, CardPaymentStartMode mode, CancellationToken cancellationToken)
    {
        // After a lost answer the first start may show late: look for the window before sending again; otherwise look once.
        var now = _client.Pipeline.TimeProvider.GetUtcNow();
        var until = mode == CardPaymentStartMode.AfterLostAnswer ? now + _polling.NotReceivedAfter : now;
        if (mode != CardPaymentStartMode.Fresh && key is not null && await FindWithinAsync(token => FindAsync(key, token), until, _polling, _client.Pipeline.TimeProvider, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            if (earlier.Amount != amount.MinorUnits || earlier.Currency != amount.Currency || earlier.Kind != (kind == CardPaymentKind.Refund ? "refund" : "payment"))
            {
                throw new PaymentsValidationException("idempotency_key", $"already names {earlier.Kind} '{earlier.Id}' of {earlier.Amount} {earlier.Currency} minor units: use a new key for a new payment");
            }

            return new Operation(this, earlier.Id, kind, amount, earlier);
        }

        var body = new PaymentBody
        {
            Kind = kind == CardPaymentKind.Refund ? "refund" : "payment",
            Amount = amount.MinorUnits,
            Currency = amount.Currency,
            Reference = reference,
            Terminal = terminal,
            OriginalPaymentId = originalId,
            IdempotencyKey = key ?? "ik_" + Guid.NewGuid().ToString("N"),
        };
        var started = await _client.StartAsync(body, cancellationToken).ConfigureAwait(false);
        return new Operation(this, started.Id, kind, amount, started);
    }

    private static bool IsPaymentId(string id) =>
        id.StartsWith("pay_", StringComparison.Ordinal) && id.Length is > 4 and <= 44 && !id.AsSpan(4).ContainsAnyExcept(IdCharacters);

    private CardPaymentOutcome? ToOutcome(PaymentWire payment, CardPaymentKind? kind, Money? requested)
    {
        var status = payment.Status switch
        {
            "approved" => CardPaymentStatus.Approved,
            "declined" => CardPaymentStatus.Declined,
            "cancelled" => CardPaymentStatus.Cancelled,
            "expired" => CardPaymentStatus.Expired,
            _ => (CardPaymentStatus?)null,
        };
        if (status is null)
        {
            return null;
        }

        Money amount;
        try
        {
            amount = Money.FromMinorUnits(payment.Amount, payment.Currency);
        }
        catch (PaymentsValidationException) when (requested is { } asked)
        {
            amount = asked;
        }

        return new CardPaymentOutcome
        {
            Provider = Provider,
            Kind = kind ?? (payment.Kind == "refund" ? CardPaymentKind.Refund : CardPaymentKind.Payment),
            Status = status.Value,
            Amount = amount,
            ProviderTransactionId = payment.Id,
            MerchantReference = payment.Reference,
            Terminal = payment.Terminal,
            ResultCode = payment.ResultCode,
            ResultMessage = payment.ResultMessage,
            AuthorizationCode = payment.AuthCode,
            CardBrand = payment.CardBrand,
            MaskedCard = payment.MaskedCard,
            SystemTraceAuditNumber = payment.Stan,
        };
    }

    /// <summary>One Example Pay payment or refund, followed until it is final.</summary>
    private sealed class Operation : PolledCardPaymentOperation
    {
        private readonly ExamplePayCardPayments _owner;
        private readonly CardPaymentKind? _kind;
        private readonly Money? _requested;

        public Operation(ExamplePayCardPayments owner, string id, CardPaymentKind? kind, Money? requested, PaymentWire? known = null)
            : base(ExamplePayDialect.Name, id, owner._client.Pipeline.TimeProvider, owner._polling, owner._client.Pipeline.Logger)
        {
            _owner = owner;
            _kind = kind;
            _requested = requested;
            if (known is not null && owner.ToOutcome(known, kind, requested) is { } final)
            {
                TryComplete(final);
            }
        }

        protected override async Task<CardPaymentOutcome?> ReadOutcomeAsync(CancellationToken cancellationToken)
        {
            var payment = await _owner._client.GetAsync(Id, cancellationToken).ConfigureAwait(false);
            return _owner.ToOutcome(payment, _kind, _requested);
        }

        protected override async Task RequestCancelAsync(CancellationToken cancellationToken)
        {
            try
            {
                await _owner._client.CancelAsync(Id, cancellationToken).ConfigureAwait(false);
            }
            catch (PaymentsApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
            {
                // Too late: the card was presented. The wait after the cancel reports how it ended.
            }
        }
    }
}
