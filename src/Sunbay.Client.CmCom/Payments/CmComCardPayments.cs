using System.Collections.Frozen;
using Sunbay.Client.Payments;

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
internal sealed class CmComCardPayments : ICardPayments
{
    /// <summary>The provider name of the default client, in configuration and in every outcome.</summary>
    public const string ProviderName = "cm";

    /// <summary>Between the terminal and CM.com's transaction id in <see cref="CardPaymentOperation.Id"/>; no terminal id holds it.</summary>
    private const char IdSeparator = '/';

    // CM.com's wire names of the fields the neutral requests fill, so that a CM.com rule names the property the caller set.
    private static readonly FrozenDictionary<string, string> NeutralFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["merchant_order_reference"] = nameof(CardPaymentRequest.MerchantReference),
        ["amount"] = nameof(CardPaymentRequest.Amount),
        ["amount.value"] = nameof(CardPaymentRequest.Amount),
        ["amount.currency"] = nameof(CardPaymentRequest.Amount),
        ["terminalId"] = nameof(CardPaymentRequest.Terminal),
        ["reference.id"] = nameof(CardRefundRequest.OriginalTransactionId),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ICmComClient _client;

    /// <param name="client">The CM.com client that sends everything.</param>
    public CmComCardPayments(ICmComClient client) => _client = client;

    public string Provider => ProviderName;

    /// <summary>The keyed-service name of the client registered as <paramref name="clientName"/>: <c>cm</c>, or <c>cm:{name}</c>.</summary>
    public static string KeyOf(string clientName) => clientName.Length == 0 ? ProviderName : $"{ProviderName}:{clientName}";

    public async Task<CardPaymentOperation> StartPaymentAsync(CardPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var purchase = new CmComPurchaseRequest
        {
            MerchantOrderReference = request.MerchantReference,
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            TerminalId = request.Terminal,
        };
        var operation = await Translated(() => request.IdempotencyKey is null
            ? _client.StartPurchaseAsync(purchase, cancellationToken)
            : _client.StartOrResumePurchaseAsync(purchase, cancellationToken)).ConfigureAwait(false);
        return new CmComCardPaymentOperation(operation, CardPaymentKind.Payment, request.Amount);
    }

    public async Task<CardPaymentOperation> StartRefundAsync(CardRefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var refund = new CmComRefundRequest
        {
            MerchantOrderReference = request.MerchantReference,
            Amount = request.Amount.Amount,
            Currency = request.Amount.Currency,
            TerminalId = request.Terminal,
            PurchaseId = request.OriginalTransactionId,
        };
        var operation = await Translated(() => request.IdempotencyKey is null
            ? _client.StartRefundAsync(refund, cancellationToken)
            : _client.StartOrResumeRefundAsync(refund, cancellationToken)).ConfigureAwait(false);
        return new CmComCardPaymentOperation(operation, CardPaymentKind.Refund, request.Amount);
    }

    public CardPaymentOperation GetOperation(string id)
    {
        var separator = id?.IndexOf(IdSeparator, StringComparison.Ordinal) ?? -1;
        if (id is null || separator <= 0 || separator == id.Length - 1)
        {
            throw new SunbayValidationException(nameof(id), "must be the Id of a CM.com operation: '{terminal}/{transactionId}', e.g. 'SUNMI-P2lite-PL0919CQ00305/7f3c2a'");
        }

        try
        {
            return new CmComCardPaymentOperation(_client.GetOperation(id[(separator + 1)..], id[..separator]), kind: null, requested: null);
        }
        catch (SunbayValidationException ex)
        {
            throw new SunbayValidationException(nameof(id), $"must be the Id of a CM.com operation: its {ex.Field} {ex.Rule}");
        }
    }

    /// <summary>The operation's <see cref="CardPaymentOperation.Id"/>: the terminal and the transaction, both needed to read it.</summary>
    internal static string IdOf(string terminalId, string transactionId) => $"{terminalId}{IdSeparator}{transactionId}";

    /// <summary>Runs <paramref name="action"/>, renaming a CM.com rule's field to the neutral property the caller set.</summary>
    private static async Task<T> Translated<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SunbayValidationException ex) when (NeutralFields.TryGetValue(ex.Field, out var property))
        {
            throw new SunbayValidationException(property, $"{ex.Rule} (CM.com's {ex.Field})");
        }
    }
}
