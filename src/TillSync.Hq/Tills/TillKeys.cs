using System.Data.Common;
using System.Security.Cryptography;
using TillSync.Contracts.Tills;
using TillSync.Core.Receipts;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary>The tills' receipt-signing public keys (<c>till_keys</c>): the first key a till registers stands.</summary>
public static class TillKeys
{
    // The OID of the NIST P-256 curve (secp256r1), the only curve ES256 uses.
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The key in canonical form (base64 of its DER SubjectPublicKeyInfo as .NET re-exports it), or null when
    /// <paramref name="publicKey"/> is not base64 of a P-256 public key.</summary>
    public static string? Canonical(string publicKey)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out var read);
            var curve = key.ExportParameters(false).Curve;
            return read > 0 && curve.IsNamed && curve.Oid.Value == P256Oid ? Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) : null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="canonicalKey"/> as the till's key unless it has one; returns the key it has now and
    /// whether this call recorded it.</summary>
    public static async Task<(TillPublicKey Key, bool Recorded)> RegisterAsync(
        DbConnection connection, DbTransaction transaction, long tillId, string canonicalKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = await connection.Command("""
            INSERT INTO till_keys (till_id, algorithm, public_key, registered_at) VALUES (@till, @algorithm, @key, @at)
            ON CONFLICT (till_id) DO NOTHING
            """, transaction)
            .With("@till", tillId).With("@algorithm", ReceiptCode.Algorithm).With("@key", canonicalKey).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);
        var key = await connection.Command($"{Select} WHERE k.till_id = @till", transaction)
            .With("@till", tillId).FirstOrDefaultAsync(Read, cancellationToken);
        return (key!, recorded == 1);
    }

    /// <summary>The keys of every till of <paramref name="storeId"/> that registered one, by till id.</summary>
    public static Task<List<TillPublicKey>> OfStoreAsync(
        DbConnection connection, DbTransaction? transaction, long storeId, CancellationToken cancellationToken) =>
        connection.Command($"{Select} WHERE t.store_id = @store ORDER BY k.till_id", transaction)
            .With("@store", storeId).ListAsync(Read, cancellationToken);

    private const string Select = """
        SELECT k.till_id, t.bill_prefix, k.algorithm, k.public_key, k.registered_at FROM till_keys k JOIN tills t ON t.till_id = k.till_id
        """;

    private static TillPublicKey Read(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), StoredTime.Parse(r.GetString(4)));
}
