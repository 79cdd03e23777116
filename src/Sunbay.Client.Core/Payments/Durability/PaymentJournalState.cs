namespace Sunbay.Client.Payments.Durability;

/// <summary>Where a journaled start stands. Numbered from 1: a state never filled in (0) means nothing.</summary>
public enum PaymentJournalState
{
    /// <summary>Written before the request leaves: it may or may not have reached the provider (a crash here leaves that open).</summary>
    Sending = 1,

    /// <summary>The provider has the transaction: <see cref="PaymentJournalEntry.OperationId"/> resumes it.</summary>
    Started = 2,

    /// <summary>The request left and its answer was lost: the provider may have it; resolved by looking it up, never by sending again blindly.</summary>
    OutcomeUnknown = 3,

    /// <summary>The final outcome is recorded (<see cref="PaymentJournalEntry.Outcome"/>) and is being, or was, delivered.</summary>
    Resolved = 4,

    /// <summary>The provider never received the request: nothing was charged.</summary>
    NotReceived = 5,

    /// <summary>The provider refused the start, or it never left (validation, a refusal, no connection): nothing was charged.</summary>
    Refused = 6,
}
