// Proves the store LAN end to end (issue 25 items 2 and 3, ADR 0019) with real `tillsync till` processes on loopback and
// HQ unreachable: a sale at till A reaches till B through B's pull from A's peer listener, B's stock view includes it, a
// return at B finds A's sale through the peer copy, an entry edited in A's database is refused by B with its reason, and the
// peer listener refuses unsigned and foreign-signed requests with problem+json. Each step waits for a condition.
using System.Net;
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Peers;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Peers;

public sealed class StoreLanTests
{
    private const string Sku = "RICE-5KG";

    [Fact]
    public async Task SaleAtA_ReachesB_WithHqDown_CountsInBsStock_AndIsReturnedAtB()
    {
        await using var lan = await StoreLan.StartAsync();
        var sold = await lan.A.Api.SellAsync(Sale(3));

        var held = await StoreLan.WaitHeldAsync(lan.B, lan.TillA.TillId, sold.TillSeq);
        var product = await StoreLan.ProductAsync(lan.B, Sku);
        var credit = await lan.B.Api.ReturnAsync(new ReturnRequest(new OriginalReference(BillNo: sold.BillNo),
            [new ReturnLineRequest(1, 1, ReturnConditions.Restock)], ReturnReasons.ChangedMind, new RefundRequest(PaymentMethods.Cash)));
        var afterReturn = await StoreLan.ProductAsync(lan.B, Sku);

        Assert.Contains(new PeerHead(lan.TillA.TillId, sold.TillSeq), held.Held);
        Assert.Empty(held.Refusals);
        // HQ's snapshot said 50,000; A sold 3 after it, which B knows only through its copy of A's log.
        Assert.Equal(HqScenario.OpeningStock - 3, product.OnHand);
        Assert.Equal(sold.BillNo, credit.Original.BillNo);
        Assert.Equal(HqScenario.OpeningStock - 2, afterReturn.OnHand);
    }

    [Fact]
    public async Task EntryEditedInAsDatabase_IsRefusedByB_WithItsReason()
    {
        await using var lan = await StoreLan.StartAsync();
        var first = await lan.A.Api.SellAsync(Sale(1));
        await StoreLan.WaitHeldAsync(lan.B, lan.TillA.TillId, first.TillSeq);
        lan.B.KillHard();
        var second = await lan.A.Api.SellAsync(Sale(1));
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(lan.A.DataDir, "till.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE documents SET body_json = replace(body_json, '\"qty\":1', '\"qty\":7') WHERE till_seq = $seq";
            edit.Parameters.AddWithValue("$seq", second.TillSeq);
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        await lan.B.RestartAsync();
        var status = await Eventually.UntilAsync(() => StoreLan.PeersAsync(lan.B), s => s.Refusals.Count > 0, Patience.Exchanges,
            "B refuses A's edited entry", lan.B);

        var refusal = Assert.Single(status.Refusals);
        Assert.Equal(("edited", lan.TillA.TillId, second.TillSeq), (refusal.Code, refusal.OriginTillId, refusal.TillSeq));
        Assert.Contains(new PeerHead(lan.TillA.TillId, first.TillSeq), status.Held);
    }

    [Fact]
    public async Task PeerListener_RefusesUnsignedAndForeignRequests_AndServesNothingElse()
    {
        await using var lan = await StoreLan.StartAsync();
        using var http = new HttpClient { Timeout = Patience.Request };
        var keyDir = TempDirectory.Create("foreign-key");
        using var foreignKey = ReceiptKey.LoadOrCreate(keyDir);

        using var unsigned = await http.GetAsync(new Uri(lan.PeerUrlA, "peer/v1/heads"));
        using var foreign = await http.SendAsync(Signed(new Uri(lan.PeerUrlA, "peer/v1/heads"), 999, foreignKey));
        using var impostor = await http.SendAsync(Signed(new Uri(lan.PeerUrlA, "peer/v1/heads"), lan.TillB.TillId, foreignKey));
        using var cashierApiOnPeerPort = await http.GetAsync(new Uri(lan.PeerUrlA, "api/status"));
        using var peerReadOnCashierPort = await http.GetAsync(new Uri(lan.A.Api.BaseAddress, "peer/v1/heads"));

        await Responses.ExpectProblemAsync(unsigned, HttpStatusCode.Unauthorized, lan.A);
        await Responses.ExpectProblemAsync(foreign, HttpStatusCode.Forbidden, lan.A);
        await Responses.ExpectProblemAsync(impostor, HttpStatusCode.Unauthorized, lan.A);
        await Responses.ExpectProblemAsync(cashierApiOnPeerPort, HttpStatusCode.Unauthorized, lan.A);
        Assert.Equal(HttpStatusCode.NotFound, peerReadOnCashierPort.StatusCode);
        await TempDirectory.DeleteAsync(keyDir);
    }

    private static HttpRequestMessage Signed(Uri uri, long tillId, ReceiptKey key)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add(PeerRequestSignature.Header,
            PeerRequestSignature.Value(tillId, at, key.SignChain(PeerRequestSignature.Digest("GET", uri.PathAndQuery, at, tillId, []))));
        return request;
    }

    private static SaleRequest Sale(decimal qty) => new([new CartLine(Sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
}
