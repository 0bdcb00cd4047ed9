using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts.Documents;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Chain;

/// <summary>Pairs the documents of a <c>POST /api/v2/sync</c> body with the chain entries sent beside them (ADR 0016), and
/// takes the SHA-256 of each document's bytes exactly as they came — what the till hashed — whatever HQ's reader makes of
/// them. A batch without chain entries costs nothing more.</summary>
public static class ChainedBatch
{
    /// <summary>The documents with their entries, or the sentence of the 400 that refuses the batch: an entry naming a
    /// <c>tillSeq</c> that is not in the batch, or one named twice.</summary>
    public static (IReadOnlyList<IncomingDocument>? Documents, string? Problem) Pair(
        ReadOnlyMemory<byte> body, IReadOnlyList<IncomingDocument> documents, IReadOnlyList<DocumentChainDto>? chain)
    {
        if (chain is null || chain.Count == 0)
        {
            return (documents, null);
        }

        var bySeq = new Dictionary<long, DocumentChainDto>();
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i] is not { } entry || entry.PrevHash is null || entry.Hash is null || entry.Signature is null)
            {
                return (null, $"chain[{i}] must carry tillSeq, prevHash, hash and signature.");
            }

            if (!bySeq.TryAdd(entry.TillSeq, entry))
            {
                return (null, $"chain[{i}] names tillSeq {entry.TillSeq} a second time.");
            }
        }

        var ranges = ElementRanges(body.Span, "documents"u8);
        var paired = new List<IncomingDocument>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (!bySeq.Remove(document.TillSeq, out var entry))
            {
                paired.Add(document);
                continue;
            }

            // A damaged placeholder the till sent stands for a document whose bytes it no longer holds: its entry's link and
            // signature are checked, not its hash.
            var placeholder = document.SentKind == DocumentKinds.Damaged;
            var (start, length) = ranges[i];
            paired.Add(document with
            {
                Chain = entry,
                BodySha256 = placeholder ? null : Convert.ToHexStringLower(SHA256.HashData(body.Span.Slice(start, length))),
            });
        }

        return bySeq.Count == 0
            ? (paired, null)
            : (null, $"chain names tillSeq {bySeq.Keys.Min()}, which is not a document of this batch.");
    }

    /// <summary>Where each element of the array in the body's top-level property <paramref name="property"/> starts and how
    /// long it is, in bytes: the bytes each came as. The body must already have been read whole as JSON, so the reader
    /// cannot fail here.</summary>
    public static List<(int Start, int Length)> ElementRanges(ReadOnlySpan<byte> body, ReadOnlySpan<byte> property)
    {
        var ranges = new List<(int, int)>();
        var reader = new Utf8JsonReader(body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isWanted = reader.ValueTextEquals(property);
            reader.Read();
            if (!isWanted)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                ranges.Add((start, checked((int)reader.BytesConsumed) - start));
            }
        }

        return ranges;
    }
}
