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
        ["id"] = "id",
    };

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly ExamplePayClient _client;
    private readonly PaymentsPollingOptions? _polling;

    /// <param name="client">The client every call goes through; disposed with this.</param>
    /// <param name="polling">How operations wait; the defaults when null.</param>
    public ExamplePayCardPayments(ExamplePayClient client, PaymentsPollingOptions? polling = null)
        : base(ExamplePayDialect.Name, "Example Pay", NeutralFields)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _polling = polling;
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
        try
        {
            var found = await _client.FindByKeyAsync(entry.Key, cancellationToken).ConfigureAwait(false);
            return new Operation(this, found.Id, entry.Kind, entry.Amount, found);
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
        StartAsync(CardPaymentKind.Payment, request.Amount, request.MerchantReference, request.Terminal, originalId: null, request.IdempotencyKey, cancellationToken);

    /// <inheritdoc/>
    protected override Task<CardPaymentOperation> StartRefundCoreAsync(CardRefundRequest request, CardPaymentStartMode mode, CancellationToken cancellationToken) =>
        StartAsync(CardPaymentKind.Refund, request.Amount, request.MerchantReference, request.Terminal, request.OriginalTransactionId, request.IdempotencyKey, cancellationToken);

    // Every mode sends: Example Pay's key makes a second send with it return the first payment, so looking first adds nothing.
    private async Task<CardPaymentOperation> StartAsync(CardPaymentKind kind, Money amount, string reference, string? terminal, string? originalId, string? key, CancellationToken cancellationToken)
    {
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
