using Sunbay.Client.Transactions;

namespace Sunbay.Client.Settlement;

/// <summary>Maps settlement and merchant answers from the generated wire types.</summary>
internal static class SettlementMapper
{
    public static OpenBatch FromWire(Wire.OpenBatch b) => new()
    {
        BatchNo = b.BatchNo,
        OpenedAt = TransactionMapper.ParseTime(b.StartTime),
        ChannelCode = b.ChannelCode,
        Currency = b.PriceCurrency,
        TransactionCount = b.TotalCount,
        NetAmount = b.NetAmount,
        TipAmount = b.TipAmount,
        SurchargeAmount = b.SurchargeAmount,
        TaxAmount = b.TaxAmount,
    };

    public static ClosedBatch FromWire(Wire.BatchCloseResult? b, string? channelCode) => new()
    {
        BatchNo = b?.BatchNo,
        Status = "S",
        ClosedAt = TransactionMapper.ParseTime(b?.BatchTime),
        TerminalSn = b?.TerminalSn,
        ChannelCode = channelCode,
        Currency = b?.PriceCurrency,
        TransactionCount = b?.TransactionCount,
        NetAmount = b?.NetAmount,
        TipAmount = b?.TipAmount,
        SurchargeAmount = b?.SurchargeAmount,
        TaxAmount = b?.TaxAmount,
    };

    public static ClosedBatch FromWire(Wire.ClosedBatch b) => new()
    {
        BatchNo = b.BatchNo,
        Status = b.BatchStatus,
        ClosedAt = TransactionMapper.ParseTime(b.BatchTime),
        TerminalSn = b.TerminalSn,
        ChannelCode = b.ChannelCode,
        Currency = b.PriceCurrency,
        TransactionCount = b.TotalCount,
        NetAmount = b.NetAmount,
        Mid = b.Mid,
        Tid = b.Tid,
    };

    public static Merchant FromWire(Wire.MerchantInfo m) => new()
    {
        MerchantId = m.MerchantId,
        DbaName = m.DbaName,
        Mcc = m.Mcc,
        Country = m.Country,
        State = m.StateName,
        City = m.CityName,
        Street = m.Street,
        AddressDetail = m.DetailAddress,
        ZipCode = m.ZipCode,
        IsActive = string.Equals(m.Status, "Y", StringComparison.OrdinalIgnoreCase),
        CreatedAt = TransactionMapper.ParseTime(m.CreateTime),
        Mids = m.MidList?.Select(c => new ChannelId(c.ChannelCode, c.ChannelName, c.Mid)).ToList() ?? [],
    };

    public static Terminal FromWire(Wire.TerminalInfo t) => new()
    {
        Sn = t.Sn ?? string.Empty,
        Vendor = t.Vendor,
        Model = t.Model,
        CreatedAt = TransactionMapper.ParseTime(t.CreateTime),
        Tids = t.TidList?.Select(c => new ChannelId(c.ChannelCode, c.ChannelName, c.Tid)).ToList() ?? [],
    };
}
