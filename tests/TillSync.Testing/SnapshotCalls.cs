// The till snapshot's changes as a till asks for them (docs/sync.md, "The catalogue by delta"), and a form of a snapshot
// two reads of the same version agree on, for tests that compare applied changes with a whole snapshot.
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary><c>GET /api/v1/till/snapshot/changes</c> calls and snapshot comparison.</summary>
public static class SnapshotCalls
{
    /// <summary>The changes since <paramref name="since"/>, any answer; compressed on the wire when
    /// <paramref name="acceptEncoding"/> is given (the client does not decompress).</summary>
    public static async Task<HttpResponseMessage> ChangesRawAsync(this TillClient till, string? since, string? acceptEncoding = null)
    {
        using var client = till.Hq.CreateClient(till.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(since is null ? "/api/v1/till/snapshot/changes" : $"/api/v1/till/snapshot/changes?since={Uri.EscapeDataString(since)}", UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        return await client.SendAsync(request);
    }

    /// <summary>The changes since <paramref name="since"/>, expecting 200.</summary>
    public static async Task<SnapshotChanges> ChangesAsync(this TillClient till, string since) =>
        await Responses.ExpectAsync(await till.ChangesRawAsync(since), HttpStatusCode.OK, TillSyncJsonContext.Default.SnapshotChanges, till.Hq);

    /// <summary><paramref name="snapshot"/> as JSON without what differs between two reads of one version: when it was
    /// read (<c>takenAt</c>, each balance's <c>asOf</c>), the order of products and balances, and the signature of HQ's
    /// statement (ECDSA signs afresh each time: it is verified against the snapshot's HQ key here, then left out).</summary>
    public static string Comparable(TillSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with
        {
            TakenAt = DateTimeOffset.UnixEpoch,
            Statement = snapshot.Statement is not { } statement ? null : statement with { Signature = Verified(statement, snapshot.HqKey) },
            Products = [.. snapshot.Products.OrderBy(p => p.Sku, StringComparer.Ordinal)],
            Loyalty = snapshot.Loyalty is null ? null : snapshot.Loyalty with
            {
                Customers = [.. snapshot.Loyalty.Customers.OrderBy(c => c.Phone, StringComparer.Ordinal).Select(c => c with { AsOf = DateTimeOffset.UnixEpoch })],
            },
        }, TillSyncJsonContext.Default.TillSnapshot);

    private static string Verified(Contracts.Documents.HqStatementDto statement, string? hqKey)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(hqKey ?? throw new InvalidOperationException("A statement without HQ's key.")), out _);
        return Core.Chain.HqStatementText.Verify(statement.TillId, statement.TillSeq, statement.Hash, statement.Signature, key)
            ? "verified"
            : throw new InvalidOperationException($"HQ's statement of till {statement.TillId} at {statement.TillSeq} does not verify.");
    }
}
