// Proves a stored document the till can no longer read never stops its queue: the checksum and the parse before every
// send catch it, it goes in its place in the queue as a `damaged` placeholder built from the row's own columns and what is
// still readable (the same bytes on every resend), and "needs attention" shows it before and after HQ answers.
// Real till.db files, corrupted with plain SQL as a bit flip or a hand edit would leave them.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Outbox;

public sealed class DamagedDocumentTests
{
    private static readonly SaleRequest Rice = Carts.PaidInCash([new CartLine("RICE-5KG", 1)]);

    [Fact]
    public async Task NextBatch_OneSaleFlipped_SendsAPlaceholderInItsPlaceAndTheRestAsStored()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 4);
        var storedBefore = await BodiesAsync(till);
        await ExecuteAsync(till, "UPDATE documents SET body_json = replace(body_json, '\"qty\":1', '\"qty\":7') WHERE till_seq = 2");

        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4], batch.Select(b => b.TillSeq));
        Assert.Equal([DocumentKinds.Sale, DocumentKinds.Damaged, DocumentKinds.Sale, DocumentKinds.Sale], batch.Select(b => b.Kind));
        Assert.Equal([storedBefore[0], storedBefore[2], storedBefore[3]], batch.Where(b => b.Damage is null).Select(b => b.Json));
        var placeholder = JsonSerializer.Deserialize(batch[1].Json, TillSyncJsonContext.Default.TillDocumentDto)!;
        Assert.Equal((DocumentKinds.Damaged, receipts[1].ClientOrderId, 2L), (placeholder.Kind, placeholder.DocumentId, placeholder.TillSeq));
        var damaged = placeholder.Damaged!;
        Assert.Equal((DocumentKinds.Sale, receipts[1].BillNo, receipts[1].CreatedAt, receipts[1].Totals.TotalPaise),
            (damaged.OriginalKind, damaged.Number, damaged.CreatedAt, damaged.TotalPaise));
        Assert.Contains("checksum", damaged.Detail, StringComparison.Ordinal);
        Assert.Contains("\"qty\":7", damaged.Readable, StringComparison.Ordinal);
        Assert.Null(placeholder.Sale);
    }

    [Fact]
    public async Task NextBatch_Again_SendsTheSamePlaceholderBytes()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 2);
        await ExecuteAsync(till, "UPDATE documents SET body_json = substr(body_json, 1, 40) WHERE till_seq = 1");

        var first = await till.Outbox.NextBatchAsync(CancellationToken.None);
        var second = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal(first[0].Json, second[0].Json);
        Assert.Equal(DocumentKinds.Damaged, first[0].Kind);
    }

    [Fact]
    public async Task NextBatch_ChecksumRewrittenButJsonBroken_IsDamagedByTheParse()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 1);
        var broken = """{"kind":"sale","documentId":"not an id","tillSeq":1}""";
        await ExecuteAsync(till, "UPDATE documents SET body_json = @body, body_sha256 = @sha WHERE till_seq = 1",
            ("@body", broken), ("@sha", StoredDocument.Checksum(broken)));

        var queued = Assert.Single(await till.Outbox.NextBatchAsync(CancellationToken.None));

        Assert.Equal(DocumentKinds.Damaged, queued.Kind);
        Assert.Contains("cannot be read", queued.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextBatch_ValidJsonOfAnotherDocument_IsDamaged()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 2);
        // Row 2 holds row 1's document, checksum and all (a misplaced write): it parses, and names another id and tillSeq.
        await ExecuteAsync(till, "UPDATE documents SET (body_json, body_sha256) = (SELECT body_json, body_sha256 FROM documents WHERE till_seq = 1) WHERE till_seq = 2");

        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        Assert.Equal([null, "the stored document does not match its own row (kind, id or tillSeq)"], batch.Select(b => b.Damage));
    }

    [Fact]
    public async Task NextBatch_IdColumnUnreadable_SendsAStableIdOfItsOwn()
    {
        await using var till = await LocalTill.CreateAsync();
        await SellAsync(till, 1);
        await ExecuteAsync(till, "UPDATE documents SET document_id = 'x☃y' WHERE till_seq = 1");

        var first = Assert.Single(await till.Outbox.NextBatchAsync(CancellationToken.None));
        var again = Assert.Single(await till.Outbox.NextBatchAsync(CancellationToken.None));

        Assert.Equal(DocumentKinds.Damaged, first.Kind);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.Equal(7, first.DocumentId.Version);
    }

    [Fact]
    public async Task Attention_ShowsTheDamagedSaleBeforeAndAfterHqRejectsItsPlaceholder()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipts = await SellAsync(till, 3);
        await ExecuteAsync(till, "UPDATE documents SET body_json = body_json || ' ' WHERE till_seq = 2");
        var batch = await till.Outbox.NextBatchAsync(CancellationToken.None);

        var before = Assert.Single(await till.Outbox.AttentionAsync(CancellationToken.None));
        Assert.Equal((receipts[1].ClientOrderId, receipts[1].BillNo, "damaged", SyncReasons.DamagedDocument), (before.DocumentId, before.Number, before.Status, before.Reason));
        Assert.Contains("checksum", before.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await till.Outbox.StateAsync(CancellationToken.None)).AttentionCount);

        await till.Outbox.ApplyAsync([.. batch.Select(b => b.Kind == DocumentKinds.Damaged
                ? Result(b, SyncStatus.Rejected, SyncReasons.DamagedDocument, "recorded as damaged; a manager reviews it")
                : Result(b, SyncStatus.Created))],
            4, till.Time.GetUtcNow(), CancellationToken.None);

        var after = Assert.Single(await till.Outbox.AttentionAsync(CancellationToken.None));
        Assert.Equal((receipts[1].ClientOrderId, "rejected", SyncReasons.DamagedDocument), (after.DocumentId, after.Status, after.Reason));
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
        Assert.Contains(await till.Outbox.RecentAsync(10, null, CancellationToken.None), d => d.TillSeq == 2 && d.Damaged);
    }

    private static DocumentResult Result(QueuedDocument document, SyncStatus status, string? reason = null, string? detail = null) =>
        new(document.Kind, document.DocumentId, document.TillSeq, status, null, null, false, [], reason, null, detail);

    private static async Task<List<Receipt>> SellAsync(LocalTill till, int count)
    {
        var receipts = new List<Receipt>();
        for (var i = 0; i < count; i++)
        {
            receipts.Add(await till.SellAsync(Rice));
        }

        return receipts;
    }

    private static async Task<List<string>> BodiesAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT body_json FROM documents ORDER BY till_seq").ListAsync(r => r.GetString(0), CancellationToken.None);
    }

    private static async Task ExecuteAsync(LocalTill till, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={till.Database.FilePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(1, await connection.Command(sql).WithAll(parameters).ExecuteAsync(CancellationToken.None));
    }
}
