using TillSync.Till.Sales;

namespace TillSync.Till.Returns;

/// <summary>How the cashier names the sale goods come back from (<c>POST /api/returns/lookup</c>, and inside every return):
/// the signed code scanned from its receipt, its id (a bill of this till picked from the list), or its bill number (this
/// till's own from the local store; another till's from HQ, online only). The first one given is used.</summary>
/// <param name="Code">The receipt code, exactly as the scanner typed it.</param>
/// <param name="SaleId">The sale's id.</param>
/// <param name="BillNo">The printed bill number.</param>
public sealed record OriginalReference(string? Code = null, Guid? SaleId = null, string? BillNo = null);

/// <summary>A return as the cashier makes it (<c>POST /api/returns/quote</c> prices it, <c>POST /api/returns</c> records it).</summary>
/// <param name="Original">The sale the goods were bought on.</param>
/// <param name="Lines">The lines and quantities taken back.</param>
/// <param name="Reason">One of <c>ReturnReasons</c>.</param>
/// <param name="Refund">How the money goes back (loyalty points burned on the sale go back on their own).</param>
/// <param name="Note">The cashier's words, at most 200 characters; required with the reason <c>other</c>.</param>
public sealed record ReturnRequest(OriginalReference Original, IReadOnlyList<ReturnLineRequest> Lines, string Reason, RefundRequest Refund, string? Note = null);

/// <summary>One line taken back.</summary>
/// <param name="LineNo">The line's number on the original bill, from 1.</param>
/// <param name="Qty">The quantity taken back: above 0, at most what is still returnable.</param>
/// <param name="Condition">One of <c>ReturnConditions</c>: <c>restock</c> or <c>damaged</c>.</param>
public sealed record ReturnLineRequest(int LineNo, decimal Qty, string Condition);

/// <summary>The refund tender.</summary>
/// <param name="Method"><c>cash</c>; <c>card</c> or <c>upi</c> (back to the sale's own tender, with its transaction
/// reference); <c>store_credit</c>; or <c>exchange</c> (only with a new sale, <c>POST /api/exchanges</c>).</param>
/// <param name="Reference">The card or UPI refund's transaction reference, 1 to 64 characters.</param>
public sealed record RefundRequest(string Method, string? Reference = null);

/// <summary>An exchange (<c>POST /api/exchanges</c>): a return and a new sale recorded together, the return's refund applied
/// to the sale and any difference paid or given back in cash.</summary>
/// <param name="Return">The return; its refund method is <c>exchange</c>.</param>
/// <param name="Sale">The new sale; its tenders cover what the refund leaves due.</param>
public sealed record ExchangeRequest(ReturnRequest Return, SaleRequest Sale);
