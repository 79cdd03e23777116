namespace Sunbay.Client.Webhooks;

/// <summary>The known values a field may be read from as bytes, without a string.</summary>
internal static partial class SunbayWebhookReader
{
    // The known values, exactly as their public type keeps them (upper case, no blanks): those bytes make the same value
    // as their string would. Any other spelling (lower case, a long name, blanks) goes through the string. Each gives
    // the value it recognises and says whether it did.
    private static bool KnownStatus(ReadOnlySpan<byte> value, out TransactionStatus known)
    {
        known = default;
        if (value.Length != 1)
        {
            return false;
        }

        switch (value[0])
        {
            case (byte)'I': known = TransactionStatus.Initial; return true;
            case (byte)'P': known = TransactionStatus.Processing; return true;
            case (byte)'S': known = TransactionStatus.Success; return true;
            case (byte)'F': known = TransactionStatus.Fail; return true;
            case (byte)'C': known = TransactionStatus.Closed; return true;
            default: return false;
        }
    }

    private static bool KnownType(ReadOnlySpan<byte> value, out TransactionType known)
    {
        if (value.SequenceEqual("SALE"u8)) { known = TransactionType.Sale; }
        else if (value.SequenceEqual("AUTH"u8)) { known = TransactionType.Auth; }
        else if (value.SequenceEqual("REFUND"u8)) { known = TransactionType.Refund; }
        else if (value.SequenceEqual("VOID"u8)) { known = TransactionType.Void; }
        else if (value.SequenceEqual("POST_AUTH"u8)) { known = TransactionType.PostAuth; }
        else if (value.SequenceEqual("INCREMENTAL"u8)) { known = TransactionType.Incremental; }
        else if (value.SequenceEqual("FORCED_AUTH"u8)) { known = TransactionType.ForcedAuth; }
        else { known = default; return false; }

        return true;
    }

    private static bool KnownEntryMode(ReadOnlySpan<byte> value, out EntryMode known)
    {
        if (value.SequenceEqual("CONTACTLESS"u8)) { known = EntryMode.Contactless; }
        else if (value.SequenceEqual("CONTACT"u8)) { known = EntryMode.Contact; }
        else if (value.SequenceEqual("SWIPE"u8)) { known = EntryMode.Swipe; }
        else if (value.SequenceEqual("FALLBACK_SWIPE"u8)) { known = EntryMode.FallbackSwipe; }
        else if (value.SequenceEqual("MANUAL"u8)) { known = EntryMode.Manual; }
        else { known = default; return false; }

        return true;
    }

    private static bool KnownAuthenticationMethod(ReadOnlySpan<byte> value, out AuthenticationMethod known)
    {
        if (value.SequenceEqual("PIN"u8)) { known = AuthenticationMethod.Pin; }
        else if (value.SequenceEqual("NOT_AUTHENTICATED"u8)) { known = AuthenticationMethod.None; }
        else if (value.SequenceEqual("SIGNATURE"u8)) { known = AuthenticationMethod.Signature; }
        else if (value.SequenceEqual("OFFLINE_PIN"u8)) { known = AuthenticationMethod.OfflinePin; }
        else if (value.SequenceEqual("BY_PASS"u8)) { known = AuthenticationMethod.PinBypass; }
        else { known = default; return false; }

        return true;
    }

    private static bool KnownRelatedStatus(ReadOnlySpan<byte> value, out RelatedTransactionStatus known)
    {
        if (value.SequenceEqual("REFUNDED"u8)) { known = RelatedTransactionStatus.Refunded; }
        else if (value.SequenceEqual("PART_REFUNDED"u8)) { known = RelatedTransactionStatus.PartiallyRefunded; }
        else if (value.SequenceEqual("VOIDED"u8)) { known = RelatedTransactionStatus.Voided; }
        else if (value.SequenceEqual("CAPTURE"u8)) { known = RelatedTransactionStatus.Captured; }
        else if (value.SequenceEqual("INCREMENTAL"u8)) { known = RelatedTransactionStatus.Incremented; }
        else { known = default; return false; }

        return true;
    }

    private static bool KnownBatchStatus(ReadOnlySpan<byte> value, out BatchStatus known)
    {
        known = default;
        if (value.Length != 1)
        {
            return false;
        }

        switch (value[0])
        {
            case (byte)'N': known = BatchStatus.NotRequired; return true;
            case (byte)'U': known = BatchStatus.Open; return true;
            case (byte)'C': known = BatchStatus.Closed; return true;
            default: return false;
        }
    }
}
