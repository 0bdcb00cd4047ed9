namespace TillSync.Hq.Sync;

/// <summary>How a document kind decided one new document at the till's next <c>tillSeq</c>. Either way it is recorded
/// in the ledger and consumes its sequence number.</summary>
/// <param name="Status">Committed, or rejected (recorded, reviewed, never counted).</param>
/// <param name="Number">The document's printed number (bill, credit note), or null for a kind without one.</param>
/// <param name="Flags">Facts about a committed document known when it was decided (<c>OrderFlags</c>); a later step may
/// add more (<see cref="SyncBatch.AddFlag"/>).</param>
/// <param name="Rejection">Why it was rejected; null when committed.</param>
public sealed record DocumentDecision(DocumentStatus Status, string? Number, IReadOnlyList<string> Flags, Rejection? Rejection)
{
    /// <summary>Committed with <paramref name="flags"/>.</summary>
    public static DocumentDecision Committed(string? number, IReadOnlyList<string> flags) => new(DocumentStatus.Committed, number, flags, null);

    /// <summary>Rejected for <paramref name="rejection"/>.</summary>
    public static DocumentDecision Rejected(string? number, Rejection rejection) => new(DocumentStatus.Rejected, number, [], rejection);
}

/// <summary>How a document is recorded in <c>till_documents</c>.</summary>
public enum DocumentStatus
{
    /// <summary>Counted: a bill, a credit note.</summary>
    Committed = 1,

    /// <summary>Recorded as never acceptable; a review item says why.</summary>
    Rejected,
}

/// <summary>The stored strings of <see cref="DocumentStatus"/>, in one place.</summary>
public static class DocumentStatuses
{
    /// <summary>The stored string of <paramref name="status"/>.</summary>
    public static string Stored(DocumentStatus status) => status switch
    {
        DocumentStatus.Committed => "committed",
        DocumentStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status a stored string names.</summary>
    public static DocumentStatus Parse(string stored) => stored switch
    {
        "committed" => DocumentStatus.Committed,
        "rejected" => DocumentStatus.Rejected,
        _ => throw new InvalidOperationException($"Unknown stored document status '{stored}'."),
    };

    /// <summary>Flags as stored: comma-separated.</summary>
    public static string FormatFlags(IReadOnlyCollection<string> flags) => string.Join(',', flags);

    /// <summary>Stored flags as a list.</summary>
    public static IReadOnlyList<string> ParseFlags(string stored) => stored.Length == 0 ? [] : stored.Split(',');
}
