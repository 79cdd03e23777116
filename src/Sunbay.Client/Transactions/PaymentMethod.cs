namespace Sunbay.Client;

/// <summary>Restricts the payment method the terminal accepts. Usually left out, so that the cardholder chooses.</summary>
public sealed record PaymentMethod
{
    /// <summary>The kind of method.</summary>
    public PaymentMethodCategory? Category { get; init; }

    /// <summary>The method, e.g. <c>VISA</c>, <c>DISCOVER</c>, <c>WECHAT</c>, <c>ALIPAY</c> or <c>EBT</c> (open list).</summary>
    public string? Id { get; init; }

    /// <summary>EBT programme: only when <see cref="Category"/> is <see cref="PaymentMethodCategory.Ebt"/> and <see cref="Id"/> is <c>EBT</c>.</summary>
    public PaymentMethodSubId? SubId { get; init; }
}
