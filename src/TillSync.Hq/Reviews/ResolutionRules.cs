using System.Data.Common;
using TillSync.Contracts.Reviews;
using TillSync.Core;
using TillSync.Hq.Stock;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>What a resolution request must satisfy, on its own and against the item it resolves. Each problem is a
/// sentence for the manager's page.</summary>
public static class ResolutionRules
{
    /// <summary>Longest note.</summary>
    public const int NoteLengthMax = 500;

    /// <summary>Problems visible in the request alone.</summary>
    public static string? ShapeProblem(ReviewResolutionRequest request)
    {
        if (!ResolutionActions.All.Contains(request.Action))
        {
            return $"action '{Clip(request.Action)}' is unknown; use one of {string.Join(", ", ResolutionActions.All)}.";
        }

        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Trim().Length > NoteLengthMax)
        {
            return $"note is required: say why, in 1 to {NoteLengthMax} characters.";
        }

        if (!FreeText.IsPrintable(request.Note, multiline: true))
        {
            return "note must be printable text (line breaks are fine; no other control characters).";
        }

        if (request.ResolutionId == Guid.Empty)
        {
            return "resolutionId must be a UUID the client made for this decision (not all zeros).";
        }

        if (request.Qty is { } qty && (qty <= 0 || qty > Limits.LineQtyMax || decimal.Round(qty, Limits.QtyFractionDigitsMax) != qty))
        {
            return $"qty {qty} must be above 0 with at most {Limits.QtyFractionDigitsMax} decimals.";
        }

        return request.FromStoreId is not null && request.Action != ResolutionActions.TransferIn
            ? "fromStoreId goes only with transfer_in."
            : null;
    }

    /// <summary>Checks the request against the open item: the action is allowed for its kind, the quantity is at most the
    /// short quantity, the source store exists and is another store. Returns the quantity the action covers.</summary>
    public static async Task<(long? QtyMilli, string? Problem)> CheckAgainstAsync(
        DbConnection connection, DbTransaction transaction, ReviewItemView item, ReviewResolutionRequest request, CancellationToken cancellationToken)
    {
        if (!item.AllowedActions.Contains(request.Action))
        {
            return (null, $"{request.Action} does not apply to a {item.Kind} item; use {string.Join(" or ", item.AllowedActions)}.");
        }

        if (item.ShortQty is not { } shortQty)
        {
            return request.Qty is null ? (null, null) : (null, $"qty does not apply to a {item.Kind} item; leave it out.");
        }

        // Issue 22: a missing quantity once meant "all of the shortfall", so a page that sent null for a mistyped "abc"
        // wrote off the whole of it. The units are now always said; the whole shortfall is its quantity, sent as such.
        if (request.Qty is not { } qty)
        {
            return (null, $"qty is required for a {item.Kind} item: the units this {request.Action} covers, above 0 and at most the short quantity {shortQty} (send {shortQty} for all of it).");
        }

        if (qty > shortQty)
        {
            return (null, $"qty {qty} is more than the short quantity {shortQty} of this item.");
        }

        if (request.FromStoreId is { } from)
        {
            var exists = await connection.Command("SELECT 1 FROM stores WHERE store_id = @id", transaction).With("@id", from).ScalarAsync(cancellationToken);
            if (exists is null || from == item.StoreId)
            {
                return (null, $"fromStoreId {from} must be another existing store than the item's store {item.StoreId}.");
            }
        }

        return (Quantity.ToMilli(qty), null);
    }

    /// <summary>True when <paramref name="request"/> repeats the stored resolution exactly (same item, action, quantity as
    /// sent, source store and note): an idempotent resend.</summary>
    public static bool SameRequest(StoredResolution stored, long reviewId, ReviewResolutionRequest request) =>
        stored.View.ReviewId == reviewId
        && stored.View.Action == request.Action
        && stored.RequestedQtyMilli == (request.Qty is { } q ? Quantity.ToMilli(q) : null)
        && stored.View.FromStoreId == request.FromStoreId
        && stored.View.Note == request.Note.Trim();

    private static string Clip(string text) => text.Length > 40 ? text[..40] : text;
}
