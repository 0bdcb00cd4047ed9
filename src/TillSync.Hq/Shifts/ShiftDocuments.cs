using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Shifts;

/// <summary>The <c>shift_open</c>, <c>cash_movement</c> and <c>shift_close</c> kinds (docs/shifts.md), one registration
/// each: recorded in this folder's tables, a cash movement's and a short or over close's entry in the journal.</summary>
/// <param name="kind">One of the three shift kinds of <see cref="DocumentKinds"/>.</param>
public sealed class ShiftDocuments(string kind) : IDocumentKind
{
    /// <summary>The three kinds, ready to register.</summary>
    public static IReadOnlyList<ShiftDocuments> All { get; } =
        [new(DocumentKinds.ShiftOpen), new(DocumentKinds.CashMovement), new(DocumentKinds.ShiftClose)];

    /// <inheritdoc />
    public string Kind => kind;

    /// <inheritdoc />
    public string Fingerprint(TillDocumentDto document) => ShiftFingerprint.Compute(document);

    /// <inheritdoc />
    string? IDocumentKind.NumberOf(TillDocumentDto document) => NumberOf(document);

    /// <inheritdoc />
    public IKindBatch Begin(SyncBatch batch, IReadOnlyList<TillDocumentDto> newDocuments) => new ShiftBatch(batch.Engine, newDocuments);

    /// <summary>A close's Z number as answers and review items show it (<c>Z7</c>); null for the other kinds.</summary>
    public static string? NumberOf(TillDocumentDto document) =>
        document.ShiftClose is { } close ? string.Create(CultureInfo.InvariantCulture, $"Z{close.ZNumber}") : null;
}
