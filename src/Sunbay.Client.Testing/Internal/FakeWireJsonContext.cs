using System.Text.Json.Serialization;

namespace Sunbay.Client.Testing.Internal;

using Sunbay.Client.Testing.Wire;

/// <summary>Source-generated JSON metadata of every wire type the fake reads or writes (no reflection-based serialization).</summary>
[JsonSerializable(typeof(SaleRequest))]
[JsonSerializable(typeof(AuthRequest))]
[JsonSerializable(typeof(ForcedAuthRequest))]
[JsonSerializable(typeof(IncrementalAuthRequest))]
[JsonSerializable(typeof(PostAuthRequest))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(VoidRequest))]
[JsonSerializable(typeof(AbortRequest))]
[JsonSerializable(typeof(TipAdjustRequest))]
[JsonSerializable(typeof(BatchCloseRequest))]
[JsonSerializable(typeof(ApiEnvelope))]
[JsonSerializable(typeof(TransactionDispatchResponse))]
[JsonSerializable(typeof(AbortResponse))]
[JsonSerializable(typeof(TipAdjustResponse))]
[JsonSerializable(typeof(QueryTransactionResponse))]
[JsonSerializable(typeof(TransactionDetail))]
[JsonSerializable(typeof(BatchQueryResponse))]
[JsonSerializable(typeof(BatchCloseResponse))]
[JsonSerializable(typeof(BatchCloseListResponse))]
[JsonSerializable(typeof(MerchantResponse))]
[JsonSerializable(typeof(TerminalPageResponse))]
internal sealed partial class FakeWireJsonContext : JsonSerializerContext;
