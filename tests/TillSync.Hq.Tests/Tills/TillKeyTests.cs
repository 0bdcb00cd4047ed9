// Proves HQ keeps each till's receipt key as the first registration left it (the same key again answers the same, another
// key is 409 and changes nothing, a key that is not P-256 is 400) and hands every till of the store the keys of its tills in
// the snapshot, and not another store's. Real HQ process (SQLite, or PostgreSQL with TILLSYNC_TEST_STORE=postgres), real keys.
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class TillKeyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Register_FirstKey_IsKeptAndInTheSnapshotOfEveryTillOfTheStore()
    {
        var seller = await fixture.EnrolTillAsync();
        var other = await fixture.EnrolTillAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var registered = await RegisterAsync(seller, key, HttpStatusCode.OK);

        Assert.Equal((seller.TillId, seller.BillPrefix, "ES256", PublicKey(key)), (registered.TillId, registered.BillPrefix, registered.Algorithm, registered.PublicKey));
        foreach (var till in new[] { seller, other })
        {
            var snapshot = await till.SnapshotAsync();
            Assert.Equal(registered, Assert.Single(snapshot.TillKeys!, k => k.TillId == seller.TillId));
            Assert.DoesNotContain(snapshot.TillKeys!, k => k.TillId == other.TillId); // the other never registered one
        }
    }

    [Fact]
    public async Task Register_SameKeyAgain_AnswersAsTheFirstTime()
    {
        var till = await fixture.EnrolTillAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var first = await RegisterAsync(till, key, HttpStatusCode.OK);

        var again = await RegisterAsync(till, key, HttpStatusCode.OK);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Register_AnotherKeyAfterTheFirst_Is409AndKeepsTheFirst()
    {
        var till = await fixture.EnrolTillAsync();
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kept = await RegisterAsync(till, first, HttpStatusCode.OK);

        var detail = await Responses.ExpectProblemAsync(
            await till.RegisterKeyAsync(new TillKeyRegistration("ES256", PublicKey(second))), HttpStatusCode.Conflict, fixture.Hq);

        Assert.Contains("HQ keeps the first", detail, StringComparison.Ordinal);
        Assert.Equal(kept, Assert.Single((await till.SnapshotAsync()).TillKeys!, k => k.TillId == till.TillId));
    }

    public static TheoryData<string, string> NotAnEs256Key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new()
        {
            { "ES256", Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()) },
            { "ES256", Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()) },
            { "ES256", "not base64 at all" },
            { "ES256", Convert.ToBase64String(p256.ExportSubjectPublicKeyInfo()[..40]) },
            { "RS256", Convert.ToBase64String(p256.ExportSubjectPublicKeyInfo()) },
        };
    }

    [Theory]
    [MemberData(nameof(NotAnEs256Key))]
    public async Task Register_NotAnEs256Key_Is400AndRecordsNothing(string algorithm, string publicKey)
    {
        var till = await fixture.EnrolTillAsync();

        await Responses.ExpectProblemAsync(await till.RegisterKeyAsync(new TillKeyRegistration(algorithm, publicKey)), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.DoesNotContain((await till.SnapshotAsync()).TillKeys!, k => k.TillId == till.TillId);
    }

    [Fact]
    public async Task Register_WithAManagerToken_Is403()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        var response = await client.PutAsync(new Uri("/api/v1/till/key", UriKind.Relative),
            JsonContent.Create(new TillKeyRegistration("ES256", PublicKey(key)), TillSyncJsonContext.Default.TillKeyRegistration));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
    }

    [Fact]
    public async Task Snapshot_OfATillInAnotherStore_HoldsNoKeyOfThisStore()
    {
        var seller = await fixture.EnrolTillAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await RegisterAsync(seller, key, HttpStatusCode.OK);
        var elsewhere = await HqScenario.EnrolTillInAnotherStoreAsync(fixture.Hq);

        var snapshot = await elsewhere.SnapshotAsync();

        Assert.DoesNotContain(snapshot.TillKeys ?? [], k => k.TillId == seller.TillId);
    }

    private async Task<TillPublicKey> RegisterAsync(TillClient till, ECDsa key, HttpStatusCode expected) =>
        await Responses.ExpectAsync(await till.RegisterKeyAsync(new TillKeyRegistration("ES256", PublicKey(key))), expected,
            TillSyncJsonContext.Default.TillPublicKey, fixture.Hq);

    private static string PublicKey(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
}
