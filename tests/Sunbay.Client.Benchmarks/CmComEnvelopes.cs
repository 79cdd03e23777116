using System.Text;

namespace Sunbay.Client.Benchmarks;

/// <summary>
/// CM.com MerchantAPI's answers to a purchase (POST, 201, the transaction CREATED) and to a read (GET, 200, the same
/// transaction approved and CLEARED with every processed field, receipt and store), as openapi/cm-merchantapi.yaml and
/// CM.com's guide show them. Served by the loopback server beside SUNBAY's envelopes.
/// </summary>
internal static class CmComEnvelopes
{
    public const string ApiKey = "cm_bench_7b3e9d1c5a2f4e80";
    public const string Terminal = "SUNMI-P2lite-PL0919CQ00305";
    public const string TransactionId = "5456485215432746823746654987115";

    public const string TransactionsPath = "/terminals/" + Terminal + "/transactions";
    public const string TransactionPath = TransactionsPath + "/" + TransactionId;

    public static readonly byte[] Created = Encoding.UTF8.GetBytes(
        """{"type":"PURCHASE","id":"5456485215432746823746654987115","merchant_order_reference":"ORDER-20260101-0001","creation_datetime":"2026-01-01T10:00:05.619Z","amount":{"value":10.00,"currency":"EUR"},"status":"CREATED"}""");

    public static readonly byte[] Cleared = Encoding.UTF8.GetBytes(
        """{"type":"PURCHASE","id":"5456485215432746823746654987115","merchant_order_reference":"ORDER-20260101-0001","creation_datetime":"2026-01-01T10:00:05.619Z","amount":{"value":10.00,"currency":"EUR"},"status":"CLEARED","transaction_datetime":"2026-01-01T10:00:21.000Z","system_trace_audit_number":"155890","brand":"VISA","receipt":"   CARDHOLDER RECEIPT\n\nMain street 1\nAmsterdam\n\nVISA CONTACTLESS\n************1111\nAID A0000000031010\n\nPURCHASE        EUR 10.00\n\nAPPROVED 123456\n","result":"APPROVED","store":{"uuid":"0d3f2b8e-3a55-4f8c-9a65-8f3c2f3a1b7e","name":"Main street"}}""");
}
