namespace TillSync.Till.Parking;

/// <summary>A cart put aside at the counter (docs/shifts.md, "Parked sales"): <c>POST /api/parked</c>.</summary>
/// <param name="RequestId">The page's id for this park, minted when the cashier parks; a retry sends it again and parks
/// nothing more. It becomes the parked cart's id.</param>
/// <param name="Lines">The cart's lines, 1 to <see cref="ParkedCarts.LinesMax"/>.</param>
/// <param name="Note">Who or what it is for ("man in the blue shirt"), at most <see cref="ParkedCarts.NoteCharsMax"/>
/// printable characters; optional.</param>
public sealed record ParkRequest(Guid RequestId, IReadOnlyList<ParkedLine> Lines, string? Note = null);

/// <summary>One line of a parked cart: a SKU and its quantity, as the cart held them (priced again on resume).</summary>
/// <param name="Sku">The SKU, 1 to 64 characters.</param>
/// <param name="Qty">Above 0 and at most <see cref="ParkedCarts.QtyMax"/>.</param>
public sealed record ParkedLine(string Sku, decimal Qty);

/// <summary>A parked cart.</summary>
/// <param name="ParkId">Its id (the park request's id).</param>
/// <param name="ParkedAt">When it was parked.</param>
/// <param name="ParkedBy">The cashier who parked it.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="Note">Its note, or null.</param>
/// <param name="ResumedAt">When a cashier took it back to the counter; null while parked.</param>
public sealed record ParkedCart(Guid ParkId, DateTimeOffset ParkedAt, string ParkedBy, IReadOnlyList<ParkedLine> Lines, string? Note, DateTimeOffset? ResumedAt);

/// <summary>How a park or resume request ended when it did not answer a cart. Starts at 1 so that <c>default</c> is never valid.</summary>
public enum ParkRefusal
{
    /// <summary>A field is out of range; nothing was parked.</summary>
    Invalid = 1,

    /// <summary>Nobody is logged in.</summary>
    NoCashier,

    /// <summary>No parked cart has that id.</summary>
    NotFound,

    /// <summary>The request id was used before with another body.</summary>
    RequestReused,

    /// <summary>As many carts are parked as the till keeps.</summary>
    Full,
}
