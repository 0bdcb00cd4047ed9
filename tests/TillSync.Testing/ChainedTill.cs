// A till that chains its documents as a real till does (ADR 0016): its own P-256 key registered with HQ, each sale
// document's exact bytes hashed with its tillSeq and the previous entry's hash and signed, and sent beside the bytes.
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Core.Chain;

namespace TillSync.Testing;

/// <summary>One enrolled till that chains what it sends.</summary>
public sealed class ChainedTill(TillClient till, ECDsa key) : IDisposable
{
    private string _prevHash = DocumentChain.Genesis;

    public TillClient Till => till;

    /// <summary>Enrols a till and registers its key (or <paramref name="key"/>) with HQ.</summary>
    public static async Task<ChainedTill> EnrolAsync(HqFixture fixture, ECDsa? key = null)
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var own = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registered = await till.RegisterKeyAsync(new TillKeyRegistration("ES256", Convert.ToBase64String(own.ExportSubjectPublicKeyInfo())));
        await Responses.ExpectStatusAsync(registered, HttpStatusCode.OK, fixture.Hq);
        if (key is null)
        {
            return new ChainedTill(till, own);
        }

        own.Dispose();
        return new ChainedTill(till, key);
    }

    /// <summary>The next sale document, stored as a till stores it (as <paramref name="change"/> makes it, when given), with
    /// its chain entry signed by this till's key; the chain moves on to it.</summary>
    public Entry NextSale(Func<Contracts.Sync.OrderDto, Contracts.Sync.OrderDto>? change = null)
    {
        var order = till.Orders.Next();
        order = change?.Invoke(order) ?? order;
        var json = JsonSerializer.Serialize(TillClient.SaleDocument(order), TillSyncJsonContext.Default.TillDocumentDto);
        var hash = DocumentChain.Hash(order.TillSeq, _prevHash, DocumentChain.BodySha256(json));
        var entry = new Entry(order, json, new DocumentChainDto(order.TillSeq, _prevHash, hash, DocumentChain.Sign(hash, key)));
        _prevHash = hash;
        return entry;
    }

    /// <summary>Posts <paramref name="entries"/> (a null chain sends that document unchained) to /api/v2/sync.</summary>
    public async Task<HttpResponseMessage> PostAsync(IReadOnlyList<Entry> entries)
    {
        var body = new StringBuilder("{\"documents\":[").AppendJoin(',', entries.Select(e => e.Json)).Append(']');
        var chain = entries.Where(e => e.Chain is not null).Select(e => e.Chain!).ToList();
        if (chain.Count > 0)
        {
            body.Append(",\"chain\":").Append(JsonSerializer.Serialize(chain, TillSyncJsonContext.Default.IReadOnlyListDocumentChainDto));
        }

        return await till.PostDocumentsJsonAsync(body.Append('}').ToString());
    }

    /// <summary>Posts and expects a 200 with one result per document.</summary>
    public async Task<DocumentSyncResponse> SyncAsync(IReadOnlyList<Entry> entries)
    {
        var reply = await Responses.ExpectAsync(await PostAsync(entries), HttpStatusCode.OK, TillSyncJsonContext.Default.DocumentSyncResponse, till.Hq);
        Assert.Equal(entries.Select(e => e.Order.TillSeq), reply.Results.Select(r => r.TillSeq));
        return reply;
    }

    public void Dispose() => key.Dispose();

    /// <summary>A sale document as stored (its exact JSON) with its chain entry.</summary>
    public sealed record Entry(Contracts.Sync.OrderDto Order, string Json, DocumentChainDto? Chain);
}
