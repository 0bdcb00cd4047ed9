// Proves a simulator data file of schema version 2 (or 1), whose eway_bills held irn UNIQUE, is rebuilt to version 3 on
// start with every e-way bill and cancellation kept, after which an IRN may have a fresh e-way bill beside its cancelled one.
using Microsoft.Data.Sqlite;
using TillSync.Irp.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Storage;

public sealed class SchemaUpgradeTests
{
    // The version 2 tables as tillsync wrote them (registrations unchanged since, abridged to what the rows need).
    private const string Version2 = """
        CREATE TABLE registrations (
            irn TEXT PRIMARY KEY, ack_no INTEGER NOT NULL UNIQUE, ack_at TEXT NOT NULL, seller_gstin TEXT NOT NULL, doc_type TEXT NOT NULL,
            doc_no TEXT NOT NULL, doc_date TEXT NOT NULL, payload_json TEXT NOT NULL, signed_invoice TEXT NOT NULL, signed_qr_code TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ACT', 'CNL')), cancelled_at TEXT, cancel_reason TEXT, cancel_remark TEXT);
        CREATE TABLE eway_bills (
            ewb_no INTEGER PRIMARY KEY, irn TEXT NOT NULL UNIQUE REFERENCES registrations (irn), generated_at TEXT NOT NULL,
            valid_until TEXT NOT NULL, distance_km INTEGER NOT NULL, vehicle_no TEXT);
        INSERT INTO registrations VALUES ('irn-a', 1, '2026-12-01T10:00:00.0000000Z', '29AAACR5055K1Z3', 'INV', 'T01-1', '01/12/2026', '{}', 's', 'q', 'ACT', NULL, NULL, NULL);
        INSERT INTO registrations VALUES ('irn-b', 2, '2026-12-01T10:05:00.0000000Z', '29AAACR5055K1Z3', 'INV', 'T01-2', '01/12/2026', '{}', 's', 'q', 'ACT', NULL, NULL, NULL);
        INSERT INTO eway_bills VALUES (181000000001, 'irn-a', '2026-12-01T11:00:00.0000000Z', '2026-12-02T18:29:59.0000000Z', 120, 'KA01AB1234');
        INSERT INTO eway_bills VALUES (181000000002, 'irn-b', '2026-12-01T11:05:00.0000000Z', '2026-12-02T18:29:59.0000000Z', 80, NULL);
        """;

    private const string Cancellations = """
        CREATE TABLE eway_bill_cancellations (
            ewb_no INTEGER PRIMARY KEY REFERENCES eway_bills (ewb_no), cancelled_at TEXT NOT NULL,
            cancel_reason INTEGER NOT NULL CHECK (cancel_reason BETWEEN 1 AND 4), cancel_remark TEXT NOT NULL);
        INSERT INTO eway_bill_cancellations VALUES (181000000001, '2026-12-01T12:00:00.0000000Z', 3, 'Wrong vehicle');
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task OldFile_IsRebuiltWithEveryRowKept_ThenAnIrnTakesAFreshEwayBillBesideItsCancelledOne(int version)
    {
        var dir = TempDirectory.Create("irp-upgrade");
        try
        {
            var file = Path.Combine(dir, "irp.db");
            await using (var old = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await old.OpenAsync();
                await old.Command(Version2 + (version == 2 ? Cancellations : "") + $"PRAGMA user_version = {version};").ExecuteAsync(CancellationToken.None);
            }

            var database = new IrpDatabase(dir);
            await database.EnsureSchemaAsync(CancellationToken.None);

            await using var connection = await database.OpenAsync(CancellationToken.None);
            Assert.Equal(3L, await connection.Command("PRAGMA user_version").ScalarAsync(CancellationToken.None));
            var bills = await connection.Command("SELECT ewb_no, irn, distance_km, vehicle_no FROM eway_bills ORDER BY ewb_no")
                .ListAsync(r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3)), CancellationToken.None);
            Assert.Equal([(181000000001L, "irn-a", 120L, "KA01AB1234"), (181000000002L, "irn-b", 80L, (string?)null)], bills);
            var cancelled = await connection.Command("SELECT ewb_no, cancel_reason, cancel_remark FROM eway_bill_cancellations")
                .ListAsync(r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2)), CancellationToken.None);
            Assert.Equal(version == 2 ? [(181000000001L, 3L, "Wrong vehicle")] : [], cancelled);
            Assert.Empty(await connection.Command("SELECT name FROM sqlite_master WHERE name LIKE '%_v2'").ListAsync(r => r.GetString(0), CancellationToken.None));

            // What version 2 refused: a second e-way bill of the same IRN.
            await using var write = IrpDatabase.BeginWrite(connection);
            await Irp.EwayBills.EwayBillRegistry.InsertAsync(connection, write, "irn-a", 60, "KA01AB9999", DateTimeOffset.Parse("2026-12-01T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
            await write.CommitAsync();
            Assert.Equal(2L, await connection.Command("SELECT COUNT(*) FROM eway_bills WHERE irn = 'irn-a'").ScalarAsync(CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await TempDirectory.DeleteAsync(dir);
        }
    }
}
