using System.Text.Json.Serialization;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Documents;

/// <summary>One document of a till's stream as sent in <c>POST /api/v2/sync</c>: every document a till makes — a sale, a
/// return, a shift's open, cash movements and close — takes the next number of the till's one <c>tillSeq</c> counter and has a
/// client-generated UUIDv7 id. Exactly the body named by <see cref="Kind"/> is present.</summary>
/// <param name="Kind">One of <see cref="DocumentKinds"/>. A kind HQ does not know is answered <c>not_processed</c>
/// (<c>unsupported_kind</c>) together with everything after it, so an older HQ never skips a newer till's document.</param>
/// <param name="DocumentId">UUIDv7 minted by the till when the document was saved; the permanent dedup key across every
/// kind. For a sale it equals <c>sale.clientOrderId</c>.</param>
/// <param name="TillSeq">The till's contiguous sequence number, starting at 1, shared by every kind. For a sale it equals
/// <c>sale.tillSeq</c>.</param>
/// <param name="Sale">The sale, when <see cref="Kind"/> is <c>sale</c>: the order exactly as <c>POST /api/v1/sync</c>
/// carries it, so its fingerprint is the same through either version.</param>
/// <param name="Return">The return (a credit note), when <see cref="Kind"/> is <c>return</c>.</param>
/// <param name="Damaged">What is left of a document the till can no longer read, when <see cref="Kind"/> is
/// <c>damaged</c>.</param>
/// <param name="ShiftOpen">The shift opened, when <see cref="Kind"/> is <c>shift_open</c>.</param>
/// <param name="CashMovement">The cash moved, when <see cref="Kind"/> is <c>cash_movement</c>.</param>
/// <param name="ShiftClose">The shift closed, when <see cref="Kind"/> is <c>shift_close</c>.</param>
public sealed record TillDocumentDto(
    string Kind,
    Guid DocumentId,
    long TillSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrderDto? Sale = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReturnDto? Return = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DamagedDocumentDto? Damaged = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ShiftOpenDto? ShiftOpen = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CashMovementDto? CashMovement = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ShiftCloseDto? ShiftClose = null)
{
    /// <summary>How many of the kinds' bodies the document carries: exactly one is valid.</summary>
    [JsonIgnore]
    public int BodyCount => new object?[] { Sale, Return, Damaged, ShiftOpen, CashMovement, ShiftClose }.Count(b => b is not null);
}

/// <summary>The kinds of till document.</summary>
public static class DocumentKinds
{
    /// <summary>A sale (<see cref="OrderDto"/>).</summary>
    public const string Sale = "sale";

    /// <summary>A return with its refund: a credit note (<see cref="ReturnDto"/>).</summary>
    public const string Return = "return";

    /// <summary>A placeholder for a stored document the till can no longer read (<see cref="DamagedDocumentDto"/>).</summary>
    public const string Damaged = "damaged";

    /// <summary>A shift opened with its float (<see cref="ShiftOpenDto"/>).</summary>
    public const string ShiftOpen = "shift_open";

    /// <summary>Cash into or out of a shift's drawer (<see cref="CashMovementDto"/>).</summary>
    public const string CashMovement = "cash_movement";

    /// <summary>A shift closed with its blind count (<see cref="ShiftCloseDto"/>).</summary>
    public const string ShiftClose = "shift_close";

    /// <summary>The kinds this version knows.</summary>
    public static IReadOnlyList<string> All { get; } = [Sale, Return, Damaged, ShiftOpen, CashMovement, ShiftClose];
}
