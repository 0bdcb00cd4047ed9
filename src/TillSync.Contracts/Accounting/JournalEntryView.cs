namespace TillSync.Contracts.Accounting;

/// <summary>One journal entry as the API shows it.</summary>
/// <param name="EntryNo">HQ's number for it, increasing in posting order.</param>
/// <param name="Ref">The event: <c>sale:&lt;clientOrderId&gt;</c>, <c>receipt:&lt;id&gt;</c>, …</param>
/// <param name="StoreId">The store whose books it is in.</param>
/// <param name="Kind"><c>sale</c>, <c>receipt</c>, <c>adjustment</c>, <c>resolution</c>.</param>
/// <param name="Date">Business date (yyyy-MM-dd, India Standard Time).</param>
/// <param name="Description">E.g. the bill number.</param>
/// <param name="PostedAt">When HQ wrote it.</param>
/// <param name="Postings">Debits positive, credits negative; they sum to zero.</param>
public sealed record JournalEntryView(
    long EntryNo, string Ref, long StoreId, string Kind, string Date, string Description, DateTimeOffset PostedAt, IReadOnlyList<PostingView> Postings);

/// <summary>One posting.</summary>
/// <param name="Account">The account.</param>
/// <param name="AmountPaise">Debit positive, credit negative.</param>
public sealed record PostingView(string Account, long AmountPaise);

/// <summary>A page of the journal.</summary>
/// <param name="Entries">Entries in posting order.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record JournalPage(IReadOnlyList<JournalEntryView> Entries, long? NextAfter);
