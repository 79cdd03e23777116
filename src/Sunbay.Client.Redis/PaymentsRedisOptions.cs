namespace Sunbay.Client.Redis;

/// <summary>Names used in Redis; change them to keep several applications apart on one Redis.</summary>
public sealed class PaymentsRedisOptions
{
    /// <summary>The pub/sub channel of transaction notifications. Default <c>sunbay:transactions</c>.</summary>
    public string ChannelName { get; set; } = "sunbay:transactions";

    /// <summary>The prefix of webhook de-duplication keys. Default <c>sunbay:webhook:</c>.</summary>
    public string KeyPrefix { get; set; } = "sunbay:webhook:";

    /// <summary>The prefix of the payment journal's keys (<see cref="RedisPaymentJournalStore"/>). Default <c>sunbay:journal:</c>.</summary>
    public string JournalKeyPrefix { get; set; } = "sunbay:journal:";
}
