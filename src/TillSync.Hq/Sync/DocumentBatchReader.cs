using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Hq.Chain;
using TillSync.Hq.Reviews;
using TillSync.Hq.Web;

namespace TillSync.Hq.Sync;

/// <summary>Reads a <c>POST /api/v2/sync</c> body into the batch's documents. A body the source-generated reader takes
/// whole is the usual case and costs nothing more. Otherwise HQ reads the <c>documents</c> array element by element:
/// a document whose body fails but whose kind, id and <c>tillSeq</c> can be read stands as a <c>damaged</c> document in
/// its place (issue 20: HQ refuses only the damaged document wherever the rest of the batch can still be read), and only
/// what leaves the batch unreadable — not JSON, no <c>documents</c> array, an element without a readable kind, id or
/// sequence number — refuses the whole body with 400. Likewise a document of a known kind that does not carry exactly
/// its own body, or carries a null line or payment, stands as damaged.</summary>
public static class DocumentBatchReader
{
    /// <summary>Characters of a damaged document's JSON kept for the reviewer.</summary>
    public const int RawTextLengthMax = DamagedDocuments.ReadableLengthMax;

    /// <summary>The documents and status of <paramref name="body"/>, or the sentence of the 400 that refuses it whole.</summary>
    public static (IReadOnlyList<IncomingDocument>? Documents, TillStatusReport? Status, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            var request = JsonSerializer.Deserialize(body.Span, TillSyncJsonContext.Default.DocumentSyncRequest);
            if (request is null)
            {
                return (null, null, "The body is JSON null; send an object.");
            }

            if (request.Documents.Any(d => d is null))
            {
                return (null, null, $"documents[{IndexOfNull(request.Documents)}] is null; send a document object.");
            }

            var documents = request.Documents.Select(d => Checked(d, () => JsonSerializer.Serialize(d, TillSyncJsonContext.Default.TillDocumentDto))).ToList();
            var (paired, chainProblem) = ChainedBatch.Pair(body, documents, request.Chain);
            return (paired, request.Status, chainProblem);
        }
        catch (JsonException whole)
        {
            return ReadElementByElement(body, whole);
        }
    }

    private static (IReadOnlyList<IncomingDocument>? Documents, TillStatusReport? Status, string? Problem) ReadElementByElement(
        ReadOnlyMemory<byte> body, JsonException whole)
    {
        JsonDocument tree;
        try
        {
            tree = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return (null, null, JsonBody.Describe(whole));
        }

        using (tree)
        {
            var root = tree.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("documents", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return (null, null, JsonBody.Describe(whole));
            }

            TillStatusReport? status = null;
            if (root.TryGetProperty("status", out var statusElement))
            {
                try
                {
                    status = statusElement.Deserialize(TillSyncJsonContext.Default.TillStatusReport);
                }
                catch (JsonException e)
                {
                    return (null, null, $"status is not a till status report: {JsonBody.Describe(e)}");
                }
            }

            IReadOnlyList<DocumentChainDto>? chain = null;
            if (root.TryGetProperty("chain", out var chainElement))
            {
                try
                {
                    chain = chainElement.Deserialize(TillSyncJsonContext.Default.IReadOnlyListDocumentChainDto);
                }
                catch (JsonException e)
                {
                    return (null, null, $"chain is not a list of chain entries: {JsonBody.Describe(e)}");
                }
            }

            var documents = new List<IncomingDocument>(array.GetArrayLength());
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var (document, problem) = ReadOne(element, index++);
                if (document is null)
                {
                    return (null, null, problem);
                }

                documents.Add(document);
            }

            var (paired, chainProblem) = ChainedBatch.Pair(body, documents, chain);
            return (paired, status, chainProblem);
        }
    }

    private static (IncomingDocument? Document, string? Problem) ReadOne(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"documents[{index}] is {element.ValueKind.ToString().ToLowerInvariant()}; send a document object.");
        }

        try
        {
            var document = element.Deserialize(TillSyncJsonContext.Default.TillDocumentDto)!;
            return (Checked(document, element.GetRawText), null);
        }
        catch (JsonException e)
        {
            if (!TryReadIdentity(element, out var kind, out var id, out var tillSeq))
            {
                return (null, $"documents[{index}] cannot be read, not even its kind, documentId and tillSeq: {JsonBody.Describe(e)}");
            }

            return (Damaged(kind, id, tillSeq, $"HQ could not read it: {JsonBody.Describe(e)}", element.GetRawText(), NumberIn(element, kind)), null);
        }
    }

    // A document that parsed, unless its body is not exactly its kind's own or holds nulls, which stands as damaged.
    private static IncomingDocument Checked(TillDocumentDto document, Func<string> rawText)
    {
        var problem = document.BodyCount > 1 ? "a document must carry its own kind's body, and nothing else" : document.Kind switch
        {
            DocumentKinds.Sale when document.Sale is null || document.Return is not null || document.Damaged is not null =>
                "a sale document must carry its sale, and nothing else",
            DocumentKinds.Sale when document.Sale.Lines.Any(l => l is null) || document.Sale.Payments.Any(p => p is null) =>
                "the sale has a null line or payment",
            DocumentKinds.Return when document.Return is null || document.Sale is not null || document.Damaged is not null =>
                "a return document must carry its return, and nothing else",
            DocumentKinds.Return when document.Return.CreditNoteNo is null || document.Return.Original is null || document.Return.Totals is null
                || document.Return.Reason is null || document.Return.Lines is null || document.Return.Refunds is null
                || document.Return.Lines.Any(l => l is null || l.Sku is null || l.Condition is null)
                || document.Return.Refunds.Any(r => r is null || r.Method is null) || document.Return.Original.BillNo is null
                || document.Return.Original.Source is null || document.Return.Loyalty is { Phone: null } =>
                "the return misses a field it needs (credit note number, original, totals, reason, lines, refunds) or holds a null",
            DocumentKinds.Damaged when document.Damaged is null || document.Sale is not null || document.Return is not null =>
                "a damaged document must carry what was readable of the document, and nothing else",
            DocumentKinds.ShiftOpen when document.ShiftOpen?.FloatCounted is null || document.ShiftOpen.FloatCounted.Any(c => c is null) =>
                "a shift_open document must carry its shift with the float counted by denomination",
            DocumentKinds.CashMovement when document.CashMovement is null || document.CashMovement.Direction is null || document.CashMovement.Reason is null =>
                "a cash_movement document must carry its movement with direction and reason",
            DocumentKinds.ShiftClose when document.ShiftClose?.CashCounted is null || document.ShiftClose.Expected is null
                || document.ShiftClose.CashCounted.Any(c => c is null) =>
                "a shift_close document must carry its close with the cash counted by denomination and the expected figures",
            _ => null,
        };
        return problem is null
            ? IncomingDocument.AsSent(document)
            : Damaged(document.Kind, document.DocumentId, document.TillSeq, $"HQ could not read it: {problem}", rawText(), document.Sale?.BillNo ?? document.Return?.CreditNoteNo);
    }

    private static IncomingDocument Damaged(string sentKind, Guid documentId, long tillSeq, string detail, string rawText, string? number) =>
        new(new TillDocumentDto(DocumentKinds.Damaged, documentId, tillSeq,
                Damaged: new DamagedDocumentDto(sentKind, number, null, null, detail, rawText.Length <= RawTextLengthMax ? rawText : rawText[..RawTextLengthMax])),
            sentKind);

    private static bool TryReadIdentity(JsonElement element, out string kind, out Guid documentId, out long tillSeq)
    {
        kind = "";
        documentId = Guid.Empty;
        tillSeq = 0;
        return element.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() is { Length: > 0 } readKind
            && (kind = readKind) is not null
            && element.TryGetProperty("documentId", out var d) && d.ValueKind == JsonValueKind.String && d.TryGetGuid(out documentId)
            && element.TryGetProperty("tillSeq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out tillSeq);
    }

    // The printed number of a document HQ could not read, when that much is readable.
    private static string? NumberIn(JsonElement element, string kind) =>
        kind == DocumentKinds.Sale && element.TryGetProperty("sale", out var sale) && sale.ValueKind == JsonValueKind.Object
            && sale.TryGetProperty("billNo", out var billNo) && billNo.ValueKind == JsonValueKind.String
            ? billNo.GetString()
            : null;

    private static int IndexOfNull(IReadOnlyList<TillDocumentDto> documents)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is null)
            {
                return i;
            }
        }

        return -1;
    }
}
