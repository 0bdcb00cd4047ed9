// Proves who may call the store LAN's peer listener (ADR 0019): only a request signed, over its own method, path and time,
// by another till of this store whose key is in the snapshot. Unsigned, stale, tampered and foreign-signed requests are
// refused 401, a till of another store 403. Real keys and a real till.db; the request is ASP.NET Core's own type.
using Microsoft.AspNetCore.Http;
using TillSync.Contracts.Tills;
using TillSync.Till.Peers;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerAuthenticatorTests
{
    private const long CallerId = 8;
    private const string Path = "/peer/v1/heads";

    [Fact]
    public async Task SignedByATillOfTheStore_IsThatTill()
    {
        await using var till = await LocalTill.CreateAsync();
        await using var caller = await LocalTill.CreateAsync();
        var authenticator = await AuthenticatorAsync(till, caller);

        var (tillId, refusal) = authenticator.Check(Request(caller, CallerId, till.Time.GetUtcNow(), Path, "?mine=4"));

        Assert.Null(refusal);
        Assert.Equal(CallerId, tillId);
    }

    [Fact]
    public async Task Unsigned_Stale_Tampered_OrSignedByAnotherKey_Are401_AnotherStoresTill403()
    {
        await using var till = await LocalTill.CreateAsync();
        await using var caller = await LocalTill.CreateAsync();
        await using var stranger = await LocalTill.CreateAsync();
        var authenticator = await AuthenticatorAsync(till, caller);
        var now = till.Time.GetUtcNow();
        var unsigned = new DefaultHttpContext().Request;
        unsigned.Method = "GET";
        unsigned.Path = Path;
        var tampered = Request(caller, CallerId, now, Path, "?mine=4");
        tampered.QueryString = new QueryString("?mine=5");

        Assert.Equal(StatusCodes.Status401Unauthorized, authenticator.Check(unsigned).Refusal?.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, authenticator.Check(Request(caller, CallerId, now - TimeSpan.FromMinutes(3), Path, "")).Refusal?.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, authenticator.Check(tampered).Refusal?.Status);
        Assert.Equal(StatusCodes.Status401Unauthorized, authenticator.Check(Request(stranger, CallerId, now, Path, "")).Refusal?.Status);
        Assert.Equal(StatusCodes.Status403Forbidden, authenticator.Check(Request(stranger, 99, now, Path, "")).Refusal?.Status);
    }

    // The till (id 7) whose snapshot lists the caller as till 8 of its store.
    private static async Task<PeerAuthenticator> AuthenticatorAsync(LocalTill till, LocalTill caller)
    {
        var now = till.Time.GetUtcNow();
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, now,
            tillKeys: [new TillPublicKey(CallerId, "T08", "ES256", caller.Key.PublicKey, now)]), CancellationToken.None);
        return new PeerAuthenticator(till.Snapshots, till.Time);
    }

    private static HttpRequest Request(LocalTill signer, long tillId, DateTimeOffset at, string path, string query)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Path = path;
        request.QueryString = new QueryString(query.Length == 0 ? null : query);
        var seconds = at.ToUnixTimeSeconds();
        request.Headers[PeerRequestSignature.Header] = PeerRequestSignature.Value(tillId, seconds,
            signer.Key.SignChain(PeerRequestSignature.Digest("GET", path + query, seconds, tillId, [])));
        return request;
    }
}
