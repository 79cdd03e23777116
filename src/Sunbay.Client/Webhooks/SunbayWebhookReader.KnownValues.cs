namespace Sunbay.Client.Webhooks;

/// <summary>The known values a field may be read from as bytes, without a string.</summary>
internal static partial class SunbayWebhookReader
{
    // The known values, exactly as their public type keeps them (upper case, no blanks): those bytes make the same value
    // as their string would. Any other spelling (lower case, a long name, blanks) goes through the string. Each writes
    // the value it recognises and says whether it did.
    private static bool KnownStatus(ReadOnlySpan<byte> value, ref TransactionStatus target)
    {
        if (value.Length != 1)
        {
            return false;
        }

        switch (value[0])
        {
            case (byte)'I': target = TransactionStatus.Initial; return true;
            case (byte)'P': target = TransactionStatus.Processing; return true;
            case (byte)'S': target = TransactionStatus.Success; return true;
            case (byte)'F': target = TransactionStatus.Fail; return true;
            case (byte)'C': target = TransactionStatus.Closed; return true;
            default: return false;
        }
    }

    private static bool KnownType(ReadOnlySpan<byte> value, ref TransactionType target)
    {
        if (value.SequenceEqual("SALE"u8)) { target = TransactionType.Sale; }
        else if (value.SequenceEqual("AUTH"u8)) { target = TransactionType.Auth; }
        else if (value.SequenceEqual("REFUND"u8)) { target = TransactionType.Refund; }
        else if (value.SequenceEqual("VOID"u8)) { target = TransactionType.Void; }
        else if (value.SequenceEqual("POST_AUTH"u8)) { target = TransactionType.PostAuth; }
        else if (value.SequenceEqual("INCREMENTAL"u8)) { target = TransactionType.Incremental; }
        else if (value.SequenceEqual("FORCED_AUTH"u8)) { target = TransactionType.ForcedAuth; }
        else { return false; }

        return true;
    }

    private static bool KnownEntryMode(ReadOnlySpan<byte> value, ref EntryMode? target)
    {
        if (value.SequenceEqual("CONTACTLESS"u8)) { target = EntryMode.Contactless; }
        else if (value.SequenceEqual("CONTACT"u8)) { target = EntryMode.Contact; }
        else if (value.SequenceEqual("SWIPE"u8)) { target = EntryMode.Swipe; }
        else if (value.SequenceEqual("FALLBACK_SWIPE"u8)) { target = EntryMode.FallbackSwipe; }
        else if (value.SequenceEqual("MANUAL"u8)) { target = EntryMode.Manual; }
        else { return false; }

        return true;
    }

    private static bool KnownAuthenticationMethod(ReadOnlySpan<byte> value, ref AuthenticationMethod? target)
    {
        if (value.SequenceEqual("PIN"u8)) { target = AuthenticationMethod.Pin; }
        else if (value.SequenceEqual("NOT_AUTHENTICATED"u8)) { target = AuthenticationMethod.None; }
        else if (value.SequenceEqual("SIGNATURE"u8)) { target = AuthenticationMethod.Signature; }
        else if (value.SequenceEqual("OFFLINE_PIN"u8)) { target = AuthenticationMethod.OfflinePin; }
        else if (value.SequenceEqual("BY_PASS"u8)) { target = AuthenticationMethod.PinBypass; }
        else { return false; }

        return true;
    }

    private static bool KnownRelatedStatus(ReadOnlySpan<byte> value, ref RelatedTransactionStatus? target)
    {
        if (value.SequenceEqual("REFUNDED"u8)) { target = RelatedTransactionStatus.Refunded; }
        else if (value.SequenceEqual("PART_REFUNDED"u8)) { target = RelatedTransactionStatus.PartiallyRefunded; }
        else if (value.SequenceEqual("VOIDED"u8)) { target = RelatedTransactionStatus.Voided; }
        else if (value.SequenceEqual("CAPTURE"u8)) { target = RelatedTransactionStatus.Captured; }
        else if (value.SequenceEqual("INCREMENTAL"u8)) { target = RelatedTransactionStatus.Incremented; }
        else { return false; }

        return true;
    }

    private static bool KnownBatchStatus(ReadOnlySpan<byte> value, ref BatchStatus? target)
    {
        if (value.Length != 1)
        {
            return false;
        }

        switch (value[0])
        {
            case (byte)'N': target = BatchStatus.NotRequired; return true;
            case (byte)'U': target = BatchStatus.Open; return true;
            case (byte)'C': target = BatchStatus.Closed; return true;
            default: return false;
        }
    }
}
