using System.Text.Json.Serialization;

namespace TillSync.Contracts.Tills;

/// <summary>What HQ has to tell one till about its sales (<c>GET /api/v1/till/updates?after=&amp;limit=</c>): a feed in
/// cursor order, only ever of the calling till's own sales. Kinds today: <see cref="TillUpdateKinds.ReviewOpened"/>,
/// <see cref="TillUpdateKinds.ReviewResolved"/>, <see cref="TillUpdateKinds.IrnRegistered"/> and
/// <see cref="TillUpdateKinds.EInvoiceFailed"/>; more will come (loyalty): a till must store and skip kinds it does not
/// know.</summary>
/// <param name="Updates">Up to <c>limit</c> updates with <c>cursor</c> above <c>after</c>, oldest first.</param>
/// <param name="NextCursor">Pass as <c>after</c> next time: the last cursor of this page, or <c>after</c> itself when empty.</param>
/// <param name="More">True when more updates wait beyond this page.</param>
public sealed record TillUpdatesPage(IReadOnlyList<TillUpdate> Updates, long NextCursor, bool More);

/// <summary>One event about one of the till's sales.</summary>
/// <param name="Cursor">Position in the feed, increasing; gaps are normal.</param>
/// <param name="Kind">What happened (<see cref="TillUpdateKinds"/>).</param>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="ReviewId">For review events: HQ's review item.</param>
/// <param name="ReviewKind">For review events: the item's kind (<c>stock_short</c>, <c>rejected_order</c>, <c>sync_conflict</c>).</param>
/// <param name="Summary">A sentence for the cashier.</param>
/// <param name="At">When it happened at HQ.</param>
/// <param name="Irn">For <c>irn_registered</c>: the IRN (64 lowercase hex characters); null otherwise.</param>
/// <param name="AckNo">For <c>irn_registered</c>: the IRP's acknowledgement number; null otherwise.</param>
/// <param name="AckDt">For <c>irn_registered</c>: the acknowledgement date as the IRP wrote it (<c>yyyy-MM-dd HH:mm:ss</c>, IST); null otherwise.</param>
/// <param name="SignedQrCode">For <c>irn_registered</c>: the IRP's signed QR string (a JWS) to print as a QR code; null otherwise.</param>
/// <remarks>The e-invoice fields came with IRNs and are left out of the JSON when null, so review updates read as before.</remarks>
public sealed record TillUpdate(
    long Cursor, string Kind, Guid ClientOrderId, string? BillNo, long? ReviewId, string? ReviewKind, string Summary, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Irn = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? AckNo = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AckDt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SignedQrCode = null);

/// <summary>Kinds of till update.</summary>
public static class TillUpdateKinds
{
    /// <summary>HQ opened a review item on the sale (stock short, rejected, conflict).</summary>
    public const string ReviewOpened = "review_opened";

    /// <summary>A manager resolved it.</summary>
    public const string ReviewResolved = "review_resolved";

    /// <summary>The IRP registered the sale's e-invoice: the update carries IRN, AckNo, AckDt and the signed QR.</summary>
    public const string IrnRegistered = "irn_registered";

    /// <summary>A manager cancelled the sale's (or credit note's) registered e-invoice at the portal: the bill is no tax
    /// invoice any more, and its reprint says so (the summary gives the date and reason).</summary>
    public const string IrnCancelled = "irn_cancelled";

    /// <summary>HQ parked the sale's e-invoice for a manager (the summary says why); an <c>irn_registered</c> may follow
    /// after a manager's retry.</summary>
    public const string EInvoiceFailed = "einvoice_failed";
}
