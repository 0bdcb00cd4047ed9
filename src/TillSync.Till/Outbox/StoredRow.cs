using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Documents;

namespace TillSync.Till.Outbox;

/// <summary>One row of <c>documents</c> as read, every column as text or null so that a damaged row can still be read.</summary>
/// <param name="TillSeq">The row's sequence number (its key, always readable).</param>
/// <param name="DocumentId">The id column.</param>
/// <param name="Kind">The kind column.</param>
/// <param name="Number">The printed number column.</param>
/// <param name="CreatedAt">The creation time column.</param>
/// <param name="TotalPaise">The total column, when it is an integer.</param>
/// <param name="BodyJson">The stored document.</param>
/// <param name="BodySha256">Its checksum as stored.</param>
/// <param name="ChainPrevHash">Its chain entry's previous hash; null on a row from before the chain (ADR 0016).</param>
/// <param name="ChainHash">Its chain entry's hash; null on a row from before the chain.</param>
/// <param name="ChainSignature">The till's signature over the hash; null on a row from before the chain.</param>
public sealed record StoredRow(
    long TillSeq, string? DocumentId, string? Kind, string? Number, string? CreatedAt, long? TotalPaise, string? BodyJson, string? BodySha256,
    string? ChainPrevHash, string? ChainHash, string? ChainSignature)
{
    /// <summary>The columns <see cref="Read"/> maps, in its order (alias the table <c>d</c>).</summary>
    public const string Columns =
        "d.till_seq, d.document_id, d.kind, d.number, d.created_at, d.total_paise, d.body_json, d.body_sha256, d.chain_prev_hash, d.chain_hash, d.chain_signature";

    /// <summary>How many columns <see cref="Columns"/> names.</summary>
    public const int ColumnCount = 11;

    /// <summary>Maps a row of <see cref="Columns"/>.</summary>
    public static StoredRow Read(DbDataReader r) =>
        new(r.GetInt64(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), r.IsDBNull(5) || r.GetFieldType(5) != typeof(long) ? null : r.GetInt64(5),
            Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10));

    /// <summary>The row's chain entry as sent beside it; null when the row is unchained.</summary>
    public DocumentChainDto? Chain =>
        ChainHash is null ? null : new DocumentChainDto(TillSeq, ChainPrevHash ?? "", ChainHash, ChainSignature ?? "");

    /// <summary>A column as text, whatever a damaged row holds in it; null for SQL NULL.</summary>
    public static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Convert.ToString(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
