namespace TillSync.Till.Outbox;

/// <summary>Names of rows in till.db's <c>counters</c> table besides the printed series (<see cref="PrintedSeries"/>).</summary>
public static class Counters
{
    /// <summary>The last <c>tillSeq</c> given to a document of any kind (ADR 0003, 0007); the row exists from the first
    /// snapshot on.</summary>
    public const string TillSeq = "till_seq";
}
