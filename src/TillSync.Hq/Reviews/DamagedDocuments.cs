using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>The <c>damaged</c> kind (ADR 0007, issue 20): what stands in for a document its till could no longer read
/// (the till sends it), or one HQ could not read though its kind, id and <c>tillSeq</c> were readable (HQ makes it).
/// HQ records it as <c>rejected</c> (<c>damaged_document</c>), consuming its <c>tillSeq</c> so the queue behind it moves
/// on, and opens a <c>damaged_document</c> review item with what could be read: a sale or refund happened and its money
/// is in the drawer, so a manager settles it by hand.</summary>
public sealed class DamagedDocuments : IDocumentKind
{
    /// <summary>Characters of the readable text kept for the reviewer.</summary>
    public const int ReadableLengthMax = 2_000;

    /// <inheritdoc />
    public string Kind => DocumentKinds.Damaged;

    /// <inheritdoc />
    public string Fingerprint(TillDocumentDto document)
    {
        var damaged = document.Damaged!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("documentId", document.DocumentId.ToString("D"));
            json.WriteString("originalKind", damaged.OriginalKind);
            json.WriteString("number", damaged.Number);
            json.WriteString("createdAt", damaged.CreatedAt is { } at ? StoredTime.Text(at) : null);
            if (damaged.TotalPaise is { } total)
            {
                json.WriteNumber("totalPaise", total);
            }

            json.WriteString("detail", damaged.Detail);
            json.WriteString("readable", damaged.Readable);
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <inheritdoc />
    public string? NumberOf(TillDocumentDto document) => Clip(document.Damaged?.Number, 40);

    /// <inheritdoc />
    public IKindBatch Begin(SyncBatch batch, IReadOnlyList<TillDocumentDto> newDocuments) => new Batch();

    /// <summary>What a reviewer reads of a damaged document: the readable fields and text, capped.</summary>
    public static string Describe(DamagedDocumentDto damaged)
    {
        var facts = new List<string>();
        if (damaged.Number is { } number)
        {
            facts.Add($"number {Clip(number, 40)}");
        }

        if (damaged.CreatedAt is { } at)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"made {at:yyyy-MM-dd HH:mm zzz}"));
        }

        if (damaged.TotalPaise is { } total)
        {
            facts.Add(string.Create(CultureInfo.InvariantCulture, $"total {total / 100m:0.00} rupees"));
        }

        var what = damaged.OriginalKind is { } kind ? $"a {Clip(kind, 20)} document" : "a document of unknown kind";
        return $"The till sent {what} that could not be read{(facts.Count == 0 ? "" : $" ({string.Join(", ", facts)})")}: {Clip(damaged.Detail, 300)}";
    }

    private static string? Clip(string? text, int lengthMax) => text is null || text.Length <= lengthMax ? text : text[..lengthMax] + "…";

    // A damaged document writes no rows of its own: its ledger row (by the coordinator) and its review item are all of it.
    private sealed class Batch : IKindBatch
    {
        public WriteStage Stage => WriteStage.Unshared;

        public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task FlagAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public DocumentDecision Decide(SyncBatch batch, TillDocumentDto document, string fingerprint)
        {
            var damaged = document.Damaged!;
            var detail = Describe(damaged);
            var number = Clip(damaged.Number, 40);
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.DamagedDocument, document.DocumentId, number, null, null,
                SyncReasons.DamagedDocument, $"{detail}. Readable part: {Clip(damaged.Readable, ReadableLengthMax)}"));
            return DocumentDecision.Rejected(number, new Rejection(SyncReasons.DamagedDocument, detail));
        }
    }
}
