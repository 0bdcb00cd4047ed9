// Proves the relaying side of HQ's rejections (ADR 0020): a relay answer's signed rejections are kept for the peers' heads
// answer only when they check with the snapshot's HQ key and name the group's own till, and the origin that reads them
// marks its document rejected with HQ's reason while its own link is still down. HQ is faked at the network boundary.
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Storage;
using TillSync.Till.Chain;
using TillSync.Till.Outbox;
using TillSync.Till.Peers;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerRelayRejectionTests
{
    [Fact]
    public async Task RelayAnswersRejection_IsKeptForThePeers_WhenHqSignedIt_AndTheOriginMarksItsDocumentRejected()
    {
        await using var seller = await HqSigning.SoldAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]), 2);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var till = await LocalTill.CreateAsync();
        await till.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, 1) with { HqKey = HqSigning.PublicKey(hqKey) }, CancellationToken.None);
        Assert.Equal(2, await PeerCopying.CopyAsync(seller, till));
        var sold = await DocumentsAsync(seller);
        var genuine = HqSigning.Rejection(hqKey, PeerCopying.SellerId, 2, sold[1].Id, SyncReasons.TotalsMismatch, "the bill's taxable value is off by 1 paisa");
        var forged = HqSigning.Rejection(forger, PeerCopying.SellerId, 1, sold[0].Id, SyncReasons.TotalsMismatch, "made up by a peer");
        var otherTill = HqSigning.Rejection(hqKey, PeerCopying.ReaderId, 1, sold[0].Id, SyncReasons.TotalsMismatch, "about another till");
        var answer = new RelaySyncResponse([new RelayGroupResult(PeerCopying.SellerId,
            [Result(sold[0], SyncStatus.Created, null, null), Result(sold[1], SyncStatus.Rejected, genuine.Reason, genuine.Detail)],
            3, null, [forged, genuine, otherTill])]);
        var hq = new FakeHq(till.Snapshots.Current!)
        {
            Relay = () => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(answer, TillSyncJsonContext.Default.RelaySyncResponse), System.Text.Encoding.UTF8, "application/json"),
            },
        };
        var relay = new PeerRelay(new PeerCopies(till.Database), new Backoff(TimeSpan.FromSeconds(10), new Random(1)), till.Time, NullLogger<PeerRelay>.Instance);
        using var http = new HttpClient(hq, disposeHandler: false);
        HqClient.Configure(http, new Uri("http://hq.test/"), "till_token");

        await relay.RelayAsync(new HqClient(http), till.Snapshots.Current!, CancellationToken.None);
        var handedOn = relay.Rejections(PeerCopying.SellerId);
        var marked = await new RelayedStatements(seller.Database, NullLogger<RelayedStatements>.Instance).AdoptRejectionsAsync(
            handedOn!, HqSigning.PublicKey(hqKey), PeerCopying.SellerId, "till 8", seller.Time.GetUtcNow(),
            CancellationToken.None);

        Assert.Equal([genuine], handedOn);
        Assert.Null(relay.Rejections(PeerCopying.ReaderId));
        Assert.Equal(1, marked);
        Assert.Equal(new (string, string?)[] { (SyncStates.Pending, null), (SyncStates.Rejected, SyncReasons.TotalsMismatch) },
            (await DocumentsAsync(seller)).Select(d => (d.State, d.Reason)));
        Assert.Equal(1, (await seller.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    private static DocumentResult Result(Sold document, SyncStatus status, string? reason, string? detail) =>
        new("sale", document.Id, document.TillSeq, status, null, null, false, [], reason, null, detail);

    private static async Task<List<Sold>> DocumentsAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT till_seq, document_id, sync_state, sync_reason FROM documents ORDER BY till_seq")
            .ListAsync(r => new Sold(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.NullableString(3)), CancellationToken.None);
    }

    private sealed record Sold(long TillSeq, Guid Id, string State, string? Reason);
}
