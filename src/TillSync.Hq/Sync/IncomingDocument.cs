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
    /// <summary>Its chain entry as sent beside it (ADR 0016); null when it came unchained.</summary>
    public DocumentChainDto? Chain { get; init; }

    /// <summary>SHA-256 (hex) of the document's bytes exactly as they came; null when HQ did not take them (v1, or a
    /// <c>damaged</c> placeholder the till sent, whose chain entry covers the document it stands for).</summary>
    public string? BodySha256 { get; init; }

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
