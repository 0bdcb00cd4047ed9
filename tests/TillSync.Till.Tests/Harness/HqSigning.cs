// HQ's signed statements as HQ makes them (ADR 0016), with a key a test holds, for tests of how a till takes them.
using System.Security.Cryptography;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Harness;

/// <summary>Signs statements with a test's own HQ key.</summary>
public static class HqSigning
{
    /// <summary>HQ's statement that it holds <paramref name="tillId"/>'s entry <paramref name="seq"/> with <paramref name="hash"/>,
    /// signed with <paramref name="key"/>.</summary>
    public static HqStatementDto Statement(ECDsa key, long tillId, long seq, string? hash) =>
        new(tillId, seq, hash, HqStatementText.Sign(tillId, seq, hash, key));

    /// <summary>HQ's word that it rejected <paramref name="tillId"/>'s document <paramref name="documentId"/> at
    /// <paramref name="seq"/>, signed with <paramref name="key"/>.</summary>
    public static HqOutcomeDto Rejection(ECDsa key, long tillId, long seq, Guid documentId, string reason, string? detail) =>
        new(tillId, seq, documentId, reason, detail, HqOutcomeText.Sign(tillId, seq, documentId, reason, detail, key));

    /// <summary><paramref name="key"/>'s public half as a snapshot's <c>hqKey</c>.</summary>
    public static string PublicKey(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>A new local till that has recorded <paramref name="sale"/> <paramref name="sales"/> times.</summary>
    public static async Task<LocalTill> SoldAsync(SaleRequest sale, int sales)
    {
        var till = await LocalTill.CreateAsync();
        for (var i = 0; i < sales; i++)
        {
            await till.SellAsync(sale);
        }

        return till;
    }
}
