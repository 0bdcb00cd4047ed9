using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;

namespace TillSync.Hq.Sync;

/// <summary>The rules a sync body must meet as a whole (docs/sync.md envelope rules, ADR 0001 and 0007). A body that breaks
/// one is refused with 400 and nothing of it is stored; problems with one document are answered for that document.</summary>
public static class SyncEnvelope
{
    /// <summary>What is wrong with a v1 batch as a whole, or null.</summary>
    public static string? Problem(SyncRequest request)
    {
        var orders = request.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            // JSON null inside an array passes the serializer's nullable checks, which cover properties only.
            if (orders[i] is null)
            {
                return $"orders[{i}] is null; send an order object.";
            }

            if (orders[i].Lines.Any(l => l is null) || orders[i].Payments.Any(p => p is null))
            {
                return $"orders[{i}] has a null line or payment; send objects.";
            }
        }

        return StatusProblem(request.Status)
            ?? SequenceProblem("orders", "clientOrderId", "sale", orders.Select(o => (o.ClientOrderId, o.TillSeq)).ToList());
    }

    /// <summary>What is wrong with a v2 batch as a whole, or null.</summary>
    public static string? Problem(IReadOnlyList<IncomingDocument> documents, TillStatusReport? status)
    {
        var problem = StatusProblem(status)
            ?? SequenceProblem("documents", "documentId", "document", documents.Select(d => (d.DocumentId, d.TillSeq)).ToList());
        for (var i = 0; i < documents.Count && problem is null; i++)
        {
            if (documents[i].Document is { Kind: DocumentKinds.Sale, Sale: { } sale } document
                && (sale.ClientOrderId != document.DocumentId || sale.TillSeq != document.TillSeq))
            {
                problem = $"documents[{i}]: a sale's documentId and tillSeq must equal its sale's clientOrderId and tillSeq.";
            }
        }

        return problem;
    }

    private static string? StatusProblem(TillStatusReport? status) =>
        status is { QueueDepth: < 0 } ? "status.queueDepth must not be negative." : null;

    private static string? SequenceProblem(string collection, string idName, string what, IReadOnlyList<(Guid Id, long TillSeq)> items)
    {
        if (items.Count > Limits.SyncOrdersMax)
        {
            return $"The batch has {items.Count} {collection}; send at most {Limits.SyncOrdersMax} per request.";
        }

        var ids = new HashSet<Guid>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (id, tillSeq) = items[i];
            if (id.Version != 7)
            {
                return $"{collection}[{i}].{idName} {id} is not a UUIDv7; a till mints one per {what}.";
            }

            if (!ids.Add(id))
            {
                return $"{collection}[{i}].{idName} {id} appears twice in the batch.";
            }

            if (tillSeq < 1)
            {
                return $"{collection}[{i}].tillSeq is {tillSeq}; sequence numbers start at 1.";
            }

            if (i > 0 && tillSeq <= items[i - 1].TillSeq)
            {
                return $"{collection}[{i}].tillSeq {tillSeq} does not follow {items[i - 1].TillSeq}; send {collection} in strictly increasing tillSeq.";
            }
        }

        return null;
    }
}
