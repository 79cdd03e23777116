using System.Text.Json.Serialization;

namespace ExamplePay;

/// <summary>Example Pay's request to start a payment or a refund (<c>POST payments</c>).</summary>
public sealed class PaymentBody
{
    /// <summary><c>payment</c> or <c>refund</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The amount in minor units.</summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's reference.</summary>
    public required string Reference { get; init; }

    /// <summary>The terminal, when the account has several.</summary>
    public string? Terminal { get; init; }

    /// <summary>The payment a refund refers to.</summary>
    public string? OriginalPaymentId { get; init; }

    /// <summary>Example Pay's idempotency key: the same key and body return the first payment; another body is refused.</summary>
    public required string IdempotencyKey { get; init; }
}

/// <summary>A payment or refund as Example Pay reports it.</summary>
public sealed class PaymentWire
{
    /// <summary>Example Pay's id, <c>pay_…</c>.</summary>
    public required string Id { get; init; }

    /// <summary><c>payment</c> or <c>refund</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>pending</c>, <c>approved</c>, <c>declined</c>, <c>cancelled</c> or <c>expired</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The amount in minor units.</summary>
    public long Amount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>The merchant's reference.</summary>
    public string? Reference { get; init; }

    /// <summary>The terminal.</summary>
    public string? Terminal { get; init; }

    /// <summary>The issuer's result code.</summary>
    public string? ResultCode { get; init; }

    /// <summary>The issuer's result message.</summary>
    public string? ResultMessage { get; init; }

    /// <summary>The authorisation code of an approval.</summary>
    public string? AuthCode { get; init; }

    /// <summary>The card brand.</summary>
    public string? CardBrand { get; init; }

    /// <summary>The card number, masked by Example Pay.</summary>
    public string? MaskedCard { get; init; }

    /// <summary>The system trace audit number of the card transaction.</summary>
    public string? Stan { get; init; }
}

/// <summary>Example Pay's error document.</summary>
public sealed class ErrorWire
{
    /// <summary>The error.</summary>
    public ErrorDetail? Error { get; init; }
}

/// <summary>One error.</summary>
public sealed class ErrorDetail
{
    /// <summary>A stable code, e.g. <c>too_late</c>.</summary>
    public string? Code { get; init; }

    /// <summary>A message for people.</summary>
    public string? Message { get; init; }

    /// <summary>Example Pay's id of the request, for its support.</summary>
    public string? RequestId { get; init; }
}

/// <summary>The source-generated JSON of Example Pay's documents (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PaymentBody))]
[JsonSerializable(typeof(PaymentWire))]
[JsonSerializable(typeof(ErrorWire))]
public sealed partial class ExamplePayJson : JsonSerializerContext;
