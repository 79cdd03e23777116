namespace Sunbay.Client.Transactions;

/// <summary>
/// The description sent when the caller gives none, for the operations where SUNBAY's sources disagree on whether it is
/// required (the Node SDK requires it, the Go SDK always sends it, Java and .NET leave it optional): a short default
/// works with either server behaviour. See the spec's Description schema.
/// </summary>
internal static class DefaultDescription
{
    /// <summary>A payment started through the provider-neutral API, which has no description of its own.</summary>
    public const string Payment = "Card payment";

    public const string Refund = "Refund";

    public const string Void = "Void";

    public const string IncrementalAuth = "Incremental auth";

    public const string PostAuth = "Capture";

    public const string Abort = "Abort";

    public const string BatchClose = "Batch close";
}
