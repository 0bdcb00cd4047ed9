using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Storage;
using TillSync.Till.Peers;
using TillSync.Till.Storage;

namespace TillSync.Till.Catalog;

/// <summary>Stock as this till knows it (issue 21, and the store LAN of issue 25): the snapshot's on-hand less the sales,
/// plus the restocked returns, that the snapshot does not hold yet — this till's own and those of the other tills of the
/// store it holds copies of (docs/store-lan.md). HQ read the snapshot's on-hand in the same view as every till's next
/// expected <c>tillSeq</c> (its own <c>nextSeq</c>, the others' <c>tillHeads</c>), so exactly each till's documents from its
/// head on are missing from it: each is counted once, from the one row that holds it (a peer's copy is never in the
/// till's own log). Those HQ rejected never move stock. A quantity beyond this figure is warned about, never refused: the
/// sale is a fact (docs/reviews.md).</summary>
public sealed class TillStock(TillDatabase database, SnapshotStore snapshots)
{
    private readonly Lock _gate = new();
    private (TillSnapshot Snapshot, long LastSeq, long LastCopy, IReadOnlyDictionary<string, decimal> QtyBySku)? _cached;

    /// <summary>The net movement per SKU since the snapshot that this till knows of, from its own documents and its peer
    /// copies (negative: sold).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> KnownSinceSnapshotAsync(CancellationToken cancellationToken)
    {
        if (snapshots.Current is not { } snapshot)
        {
            return new Dictionary<string, decimal>(StringComparer.Ordinal);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var lastSeq = await connection.Command("SELECT COALESCE(MAX(till_seq), 0) FROM documents").FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        var lastCopy = await connection.Command("SELECT COALESCE(MAX(rowid), 0) FROM peer_documents").FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        lock (_gate)
        {
            if (_cached is { } cached && ReferenceEquals(cached.Snapshot, snapshot) && cached.LastSeq == lastSeq && cached.LastCopy == lastCopy)
            {
                return cached.QtyBySku;
            }
        }

        var bodies = await connection.Command("""
            SELECT body_json FROM documents
            WHERE till_seq >= @next AND till_seq <= @last AND kind IN ('sale', 'return') AND sync_state <> 'rejected' AND damage IS NULL
            """).With("@next", snapshot.NextSeq).With("@last", lastSeq).ListAsync(r => r.GetString(0), cancellationToken);
        bodies.AddRange(await PeerCopies.SinceHeadsAsync(connection, snapshot, ["sale", "return"], cancellationToken));

        var qtyBySku = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var document = JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.TillDocumentDto)!;
            foreach (var line in document.Sale?.Lines ?? [])
            {
                qtyBySku[line.Sku] = qtyBySku.GetValueOrDefault(line.Sku) - line.Qty;
            }

            foreach (var line in document.Return?.Lines.Where(l => l.Condition == ReturnConditions.Restock) ?? [])
            {
                qtyBySku[line.Sku] = qtyBySku.GetValueOrDefault(line.Sku) + line.Qty;
            }
        }

        lock (_gate)
        {
            _cached = (snapshot, lastSeq, lastCopy, qtyBySku);
        }

        return qtyBySku;
    }

    /// <summary><paramref name="product"/> with its on-hand as this till knows it.</summary>
    public static SnapshotProduct AsKnown(SnapshotProduct product, IReadOnlyDictionary<string, decimal> knownBySku) =>
        knownBySku.TryGetValue(product.Sku, out var known) ? product with { OnHand = product.OnHand + known } : product;

    /// <summary>A warning for each SKU of <paramref name="lines"/> whose quantity on the bill is more than this till knows
    /// is in stock.</summary>
    public static List<StockWarning> Warnings(IEnumerable<(string Sku, string Name, string Unit, decimal Qty)> lines, IReadOnlyDictionary<string, decimal> onHandBySku) =>
        [.. lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => (Line: g.First(), Qty: g.Sum(l => l.Qty), OnHand: onHandBySku.GetValueOrDefault(g.Key)))
            .Where(s => s.Qty > s.OnHand)
            .Select(s => new StockWarning(s.Line.Sku, s.Line.Name, s.Line.Unit, s.Qty, s.OnHand))];
}

/// <summary>A bill that takes more of a SKU than the till knows is in stock: shown to the cashier, never refused.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">Its GST unit code.</param>
/// <param name="Qty">What the bill takes of it.</param>
/// <param name="OnHand">What the till knows is in stock (may be negative).</param>
public sealed record StockWarning(string Sku, string Name, string Unit, decimal Qty, decimal OnHand);
