// Proves what HQ refuses of a relay (ADR 0020) on a real HQ over HTTP: a malformed, unchained, oversized or foreign request
// is refused whole with a problem and stores nothing; a revoked till's documents are not recorded until it has a token again.
using System.Net;
using System.Text;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Relay;

public sealed class RelayRefusalTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Relay_BadRequests_AreRefusedWithAProblem_AndChangeNothing()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { a.NextSale(), a.NextSale() };
        var unchained = entries[1] with { Chain = null };
        // A damaged placeholder in place of A's first document, with A's own entry for it: its bytes would not be checked.
        var placeholder = entries[0] with { Json = System.Text.Json.JsonSerializer.Serialize(
            new TillDocumentDto(DocumentKinds.Damaged, entries[0].Order.ClientOrderId, 1,
                Damaged: new DamagedDocumentDto(DocumentKinds.Sale, entries[0].Order.BillNo, null, null, "unreadable", "{}")),
            Contracts.TillSyncJsonContext.Default.TillDocumentDto) };
        var before = await HqState.CaptureAsync(a.Till);
        string[] bodies =
        [
            "{\"groups\":[",
            "[]",
            "{\"groups\":{}}",
            "{\"groups\":[]}",
            "{\"groups\":[{\"documents\":[]}]}",
            RelayRequests.Body((a.Till.TillId, [entries[0], unchained])),
            RelayRequests.Body((a.Till.TillId, [placeholder, entries[1]])),
            RelayRequests.Body((b.Till.TillId, [])),
            RelayRequests.Body((a.Till.TillId, [entries[0]]), (a.Till.TillId, [entries[1]])),
            "{\"groups\":[" + string.Join(',', Enumerable.Range(1, Limits.RelayGroupsMax + 1).Select(i => $"{{\"tillId\":{i},\"documents\":[]}}")) + "]}",
        ];
        string[] expected = ["", "not a JSON object", "must be an array", "send 1 to", "tillId must be", "has no chain entry", "damaged placeholder", "its own documents",
            "has a group already", $"{Limits.RelayGroupsMax + 1} groups"];

        for (var i = 0; i < bodies.Length; i++)
        {
            using var response = await RelayRequests.PostAsync(b.Till, bodies[i]);
            var problem = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
            Assert.Contains(expected[i], problem, StringComparison.Ordinal);
        }

        await HqState.AssertUnchangedAsync(a.Till, before);
    }

    [Fact]
    public async Task Relay_MoreDocumentsThanOneBatch_IsRefused400_AndABodyOver4MiB413()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var c = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var half = Limits.SyncOrdersMax / 2 + 1;
        var before = await HqState.CaptureAsync(a.Till);

        using var tooMany = await RelayRequests.PostAsync(b.Till, RelayRequests.Body(
            (a.Till.TillId, [.. Enumerable.Range(0, half).Select(_ => a.NextSale())]),
            (c.Till.TillId, [.. Enumerable.Range(0, half).Select(_ => c.NextSale())])));
        var tooLarge = new StringBuilder("{\"padding\":\"").Append('x', Limits.SyncBodyBytesMax).Append("\",\"groups\":[]}").ToString();
        using var tooBig = await RelayRequests.PostAsync(b.Till, tooLarge, expectContinue: true);

        var problem = await Responses.ExpectProblemAsync(tooMany, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains($"{half * 2} documents", problem, StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge, fixture.Hq);
        await HqState.AssertUnchangedAsync(a.Till, before);
    }

    [Fact]
    public async Task Relay_GroupOfAnotherStoresTill_RefusesTheWholeRequest403_AndNothingIsCommitted()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var mumbai = await HqScenario.EnrolTillInAnotherStoreAsync(fixture.Hq, SyncVersion.V2);
        var otherKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var other = new ChainedTill(mumbai, otherKey);
        var registered = await mumbai.RegisterKeyAsync(new Contracts.Tills.TillKeyRegistration("ES256",
            Convert.ToBase64String(otherKey.ExportSubjectPublicKeyInfo())));
        await Responses.ExpectStatusAsync(registered, HttpStatusCode.OK, fixture.Hq);
        var before = await HqState.CaptureAsync(a.Till);

        using var response = await RelayRequests.PostAsync(b.Till, RelayRequests.Body(
            (a.Till.TillId, [a.NextSale()]), (mumbai.TillId, [other.NextSale()])));
        using var unknown = await RelayRequests.PostAsync(b.Till, RelayRequests.Body((9_999_999, [])));

        var problem = await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
        Assert.Contains($"till {mumbai.TillId} is not a till of this till's store", problem, StringComparison.Ordinal);
        await Responses.ExpectProblemAsync(unknown, HttpStatusCode.Forbidden, fixture.Hq);
        await HqState.AssertUnchangedAsync(a.Till, before);
        Assert.Empty(await fixture.Manager.ListAllOrdersAsync(mumbai.TillId));
        // The refusal shows on the relaying till's row, as a refused sync does.
        Assert.StartsWith("403 ", (await fixture.Manager.GetTillAsync(b.Till.TillId)).LastRefusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relay_OfARevokedTill_RecordsNothing_UntilAManagerIssuesItANewToken()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var entries = new[] { a.NextSale(), a.NextSale() };
        using var manager = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        await Responses.ExpectStatusAsync(await manager.PostAsync(new Uri($"/api/v1/tills/{a.Till.TillId}/revocation", UriKind.Relative), null),
            HttpStatusCode.OK, fixture.Hq);

        var refused = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries))).Groups.Single();
        var ordersWhileRevoked = await fixture.Manager.ListAllOrdersAsync(a.Till.TillId);
        await Responses.ExpectStatusAsync(await manager.PostAsync(new Uri($"/api/v1/tills/{a.Till.TillId}/token", UriKind.Relative), null),
            HttpStatusCode.Created, fixture.Hq);
        var accepted = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, entries))).Groups.Single();

        Assert.All(refused.Results, r => Assert.Equal((SyncStatus.NotProcessed, SyncReasons.TillRevoked, 1L), (r.Status, r.Reason, r.ExpectedSeq)));
        Assert.Equal(((long?)null, (Contracts.Documents.HqStatementDto?)null), (refused.NextSeq, refused.Statement));
        Assert.Empty(ordersWhileRevoked);
        Assert.All(accepted.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal(3L, accepted.NextSeq);
    }

    [Fact]
    public async Task Relay_EmptyGroup_AnswersTheOriginsNextSeqAndStatement()
    {
        using var a = await ChainedTill.EnrolAsync(fixture);
        using var b = await ChainedTill.EnrolAsync(fixture);
        var synced = a.NextSale();
        await a.SyncAsync([synced]);

        var group = (await RelayRequests.RelayAsync(b.Till, (a.Till.TillId, []))).Groups.Single();

        Assert.Empty(group.Results);
        Assert.Equal((2L, a.Till.TillId, 1L, synced.Chain!.Hash), (group.NextSeq, group.Statement!.TillId, group.Statement.TillSeq, group.Statement.Hash));
    }
}
