using TillSync.Core.Orders;

namespace TillSync.Hq.Accounting;

/// <summary>One financial event's entry in the journal: postings whose debits equal their credits.</summary>
/// <param name="Ref">Names the event and keeps it from posting twice: <c>sale:&lt;clientOrderId&gt;</c>,
/// <c>receipt:&lt;id&gt;</c>, …</param>
/// <param name="StoreId">The store whose books it is in.</param>
/// <param name="Kind">What happened: one of <see cref="JournalKinds"/>.</param>
/// <param name="Date">The business date, in India Standard Time.</param>
/// <param name="Description">A line for the accountant, e.g. the bill number.</param>
/// <param name="Postings">At least two postings summing to zero.</param>
/// <param name="Supply">The bill or credit note the entry records, for the GST summary and the day's sales; null for
/// every other event.</param>
public sealed record JournalEntry(
    string Ref, long StoreId, string Kind, DateOnly Date, string Description, IReadOnlyList<Posting> Postings, SupplyFigures? Supply = null)
{
    /// <summary>Whether Σ postings = 0 and every posting moves money.</summary>
    public bool IsBalanced => Postings.Count >= 2 && Postings.All(p => p.AmountPaise != 0) && Postings.Sum(p => p.AmountPaise) == 0;

    /// <summary>The date an event belongs to in the books: its calendar date in India Standard Time.</summary>
    public static DateOnly BusinessDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(BillNumber.IstOffset).DateTime);
}
