using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;

namespace TillSync.Hq.Sync;

/// <summary>One document of a sync batch as HQ processes it: a v2 document as sent, a v1 order read as a sale document,
/// or — when HQ could read a document's kind, id and sequence number but not its body — a <c>damaged</c> document
/// standing in for it.</summary>
/// <param name="Document">What HQ processes.</param>
/// <param name="SentKind">The kind the till sent, echoed in the answer (a damaged stand-in keeps the kind it was sent as).</param>
public sealed record IncomingDocument(TillDocumentDto Document, string SentKind)
{
    /// <summary>The kind HQ processes it as.</summary>
    public string Kind => Document.Kind;

    /// <summary>The document's id, the permanent dedup key across every kind.</summary>
    public Guid DocumentId => Document.DocumentId;

    /// <summary>The till's sequence number of the document.</summary>
    public long TillSeq => Document.TillSeq;

    /// <summary>A document as the till sent it.</summary>
    public static IncomingDocument AsSent(TillDocumentDto document) => new(document, document.Kind);

    /// <summary>A v1 order, read as the sale document it is.</summary>
    public static IncomingDocument FromOrder(OrderDto order) =>
        AsSent(new TillDocumentDto(DocumentKinds.Sale, order.ClientOrderId, order.TillSeq, Sale: order));
}
