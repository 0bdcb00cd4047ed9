// Proves the rule by which a till adopts HQ's statement about itself that a peer carried back after relaying its
// documents (ADR 0020): only a statement about this till, signed with HQ's key and naming this till's own entry, takes
// its pending documents up to that tillSeq out of the queue; any other is ignored and changes nothing. Likewise HQ's signed
// rejection of one of its documents marks that document rejected with HQ's reason, and a forged or moved one changes nothing.
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Contracts.Documents;
using TillSync.Storage;
using TillSync.Till.Chain;
using TillSync.Till.Outbox;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Chain;

public sealed class RelayedStatementsTests
{
    private const long TillId = 7;
    private static readonly SaleRequest Sale = Carts.PaidInCash([new CartLine("MILK-500ML", 2)]);

    [Fact]
    public async Task Adopt_HqsStatementOfThisTillsEntry_TakesPendingDocumentsUpToItOutOfTheQueue_Once()
    {
        await using var till = await SoldAsync(3);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hashes = await HashesAsync(till);
        var relayed = new RelayedStatements(till.Database, NullLogger<RelayedStatements>.Instance);

        var adopted = await relayed.AdoptAsync(Statement(hqKey, TillId, 2, hashes[1]), PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);
        var again = await relayed.AdoptAsync(Statement(hqKey, TillId, 2, hashes[1]), PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((2, 0), (adopted, again));
        Assert.Equal([SyncStates.Synced, SyncStates.Synced, SyncStates.Pending], await StatesAsync(till));
        Assert.Equal(1, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        var kept = await HqStatements.ReadAsync(connection, CancellationToken.None);
        Assert.Equal((2L, hashes[1]), (kept!.TillSeq, kept.Hash));
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("another till")]
    [InlineData("another hash")]
    [InlineData("beyond the log")]
    public async Task Adopt_AStatementThatDoesNotHold_IsIgnored_AndChangesNothing(string flaw)
    {
        await using var till = await SoldAsync(3);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hashes = await HashesAsync(till);
        var statement = flaw switch
        {
            "another key" => Statement(forger, TillId, 3, hashes[2]),
            "another till" => Statement(hqKey, TillId + 1, 3, hashes[2]),
            "another hash" => Statement(hqKey, TillId, 3, hashes[1]),
            _ => Statement(hqKey, TillId, 4, hashes[2]),
        };

        var adopted = await new RelayedStatements(till.Database, NullLogger<RelayedStatements>.Instance)
            .AdoptAsync(statement, PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Null(adopted);
        Assert.Equal([SyncStates.Pending, SyncStates.Pending, SyncStates.Pending], await StatesAsync(till));
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        Assert.Null(await HqStatements.ReadAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task AdoptRejections_HqsSignedRejection_MarksThatDocumentRejectedWithHqsReason_AfterTheStatementTookItAsSynced_Once()
    {
        await using var till = await SoldAsync(3);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hashes = await HashesAsync(till);
        var ids = await DocumentIdsAsync(till);
        var relayed = new RelayedStatements(till.Database, NullLogger<RelayedStatements>.Instance);
        await relayed.AdoptAsync(Statement(hqKey, TillId, 3, hashes[2]), PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);
        var rejection = HqSigning.Rejection(hqKey, TillId, 2, ids[1], "totals_mismatch", "the bill's taxable value is off by 1 paisa");

        var marked = await relayed.AdoptRejectionsAsync([rejection], PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);
        var again = await relayed.AdoptRejectionsAsync([rejection], PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((1, 0), (marked, again));
        Assert.Equal([SyncStates.Synced, SyncStates.Rejected, SyncStates.Synced], await StatesAsync(till));
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        var reason = await connection.Command("SELECT sync_reason, sync_detail FROM documents WHERE till_seq = 2")
            .FirstOrDefaultAsync(r => (r.GetString(0), r.GetString(1)), CancellationToken.None);
        Assert.Equal(("totals_mismatch", "the bill's taxable value is off by 1 paisa"), reason);
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("another till")]
    [InlineData("another document")]
    [InlineData("softened reason")]
    public async Task AdoptRejections_ARejectionThatDoesNotHold_IsIgnored_AndChangesNothing(string flaw)
    {
        await using var till = await SoldAsync(3);
        using var hqKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ids = await DocumentIdsAsync(till);
        var rejection = flaw switch
        {
            "another key" => HqSigning.Rejection(forger, TillId, 2, ids[1], "totals_mismatch", null),
            "another till" => HqSigning.Rejection(hqKey, TillId + 1, 2, ids[1], "totals_mismatch", null),
            "another document" => HqSigning.Rejection(hqKey, TillId, 2, ids[2], "totals_mismatch", null),
            _ => HqSigning.Rejection(hqKey, TillId, 2, ids[1], "totals_mismatch", null) with { Reason = "retry_later" },
        };

        var marked = await new RelayedStatements(till.Database, NullLogger<RelayedStatements>.Instance)
            .AdoptRejectionsAsync([rejection], PublicKey(hqKey), TillId, "peer", till.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, marked);
        Assert.Equal([SyncStates.Pending, SyncStates.Pending, SyncStates.Pending], await StatesAsync(till));
    }

    private static HqStatementDto Statement(ECDsa key, long tillId, long seq, string? hash) => HqSigning.Statement(key, tillId, seq, hash);

    private static async Task<List<Guid>> DocumentIdsAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT document_id FROM documents ORDER BY till_seq").ListAsync(r => Guid.Parse(r.GetString(0)), CancellationToken.None);
    }

    private static string PublicKey(ECDsa key) => HqSigning.PublicKey(key);

    private static Task<LocalTill> SoldAsync(int sales) => HqSigning.SoldAsync(Sale, sales);

    private static async Task<List<string>> HashesAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT chain_hash FROM documents ORDER BY till_seq").ListAsync(r => r.GetString(0), CancellationToken.None);
    }

    private static async Task<List<string>> StatesAsync(LocalTill till)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT sync_state FROM documents ORDER BY till_seq").ListAsync(r => r.GetString(0), CancellationToken.None);
    }
}
