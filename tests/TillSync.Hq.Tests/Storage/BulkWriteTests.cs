// The two write-path helpers every sync batch goes through, on the store the suite runs against: BulkInsert (one
// prepared statement per row on SQLite, binary COPY or multi-row INSERT on PostgreSQL) and ListWhereInAsync (a JSON
// array on SQLite, chunked parameters on PostgreSQL). What goes in must come back exactly, on both engines.
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

public sealed class BulkWriteTests : IAsyncLifetime
{
    private const string CreateTable = "CREATE TABLE bulk_probe (id BIGINT NOT NULL PRIMARY KEY, name TEXT, qty BIGINT, note TEXT)";

    private string? _directory;
    private string? _postgres;
    private HqDatabase? _database;

    public async Task InitializeAsync()
    {
        if (TestStore.IsPostgres)
        {
            _postgres = await TestStore.CreatePostgresDatabaseAsync();
            _database = HqDatabase.Postgres(_postgres);
        }
        else
        {
            _directory = TempDirectory.Create("bulk");
            _database = HqDatabase.Sqlite(_directory);
        }

        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await connection.Command(CreateTable).ExecuteAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        if (_postgres is not null)
        {
            await TestStore.DropPostgresDatabaseAsync(_postgres);
        }

        if (_directory is not null)
        {
            await TempDirectory.DeleteAsync(_directory);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(49)]
    [InlineData(1_234)]
    public async Task BulkInsert_WritesEveryRowExactly_NullsQuotesAndUnicodeIncluded(int count)
    {
        var expected = Enumerable.Range(1, count)
            .Select(i => (Id: (long)i, Name: i % 7 == 0 ? null : $"it's № {i} \"quoted\" ₹", Qty: i % 3 == 0 ? -i * 1_000L : i, Note: i % 5 == 0 ? "" : null))
            .ToList();
        var insert = new BulkInsert("bulk_probe", ["id", "name", "qty", "note"], _database!.BulkParametersPerStatement);
        foreach (var row in expected)
        {
            // The id goes in as an int half of the time: both integer widths must land in a BIGINT column.
            insert.Add(row.Id % 2 == 0 ? (int)row.Id : row.Id, row.Name, row.Qty, row.Note);
        }

        await WriteAsync(insert);

        Assert.Equal(0, insert.Count);
        Assert.Equal(expected, await ReadAllAsync());
    }

    [Fact]
    public async Task BulkInsert_WithAnOnConflictSuffix_UpdatesExistingRowsAndAddsNewOnes()
    {
        var first = new BulkInsert("bulk_probe", ["id", "name", "qty", "note"], _database!.BulkParametersPerStatement);
        first.Add(1L, "rice", 10L, null);
        first.Add(2L, "dal", 20L, null);
        await WriteAsync(first);

        var upsert = new BulkInsert("bulk_probe", ["id", "name", "qty", "note"], _database.BulkParametersPerStatement,
            "ON CONFLICT (id) DO UPDATE SET qty = excluded.qty");
        upsert.Add(2L, "ignored", 25L, null);
        upsert.Add(3L, "salt", 30L, "new");
        await WriteAsync(upsert);

        Assert.Equal([(1L, "rice", 10L, null), (2L, "dal", 25L, null), (3L, "salt", 30L, "new")], await ReadAllAsync());
    }

    [Fact]
    public void BulkInsert_AValueOfAnotherType_IsRefusedWhenAdded()
    {
        var insert = new BulkInsert("bulk_probe", ["id", "name", "qty", "note"], _database!.BulkParametersPerStatement);

        var error = Assert.Throws<ArgumentException>(() => insert.Add(2L, "dal", 2.5m, null));

        Assert.Contains("bulk_probe: a bulk-written value is a string or an integer, not Decimal", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, insert.Count);
    }

    [Fact]
    public async Task ListWhereIn_FindsExactlyTheListedValues_StringsIntegersAndMoreThanAChunk()
    {
        var insert = new BulkInsert("bulk_probe", ["id", "name", "qty", "note"], _database!.BulkParametersPerStatement);
        for (var i = 1L; i <= 1_200; i++)
        {
            insert.Add(i, $"sku-{i}'\"\\", i * 10, null);
        }

        await WriteAsync(insert);
        await using var connection = await _database.OpenAsync(CancellationToken.None);

        // Every third id, 400 of them and some that do not exist, as integers; then the same rows by name.
        var ids = Enumerable.Range(0, 420).Select(i => (object)(long)((i * 3) + 1)).ToList();
        var byId = await connection.ListWhereInAsync(null, "SELECT id FROM bulk_probe WHERE id IN ({list})", ids, [],
            r => r.GetInt64(0), CancellationToken.None);
        var expectedIds = Enumerable.Range(0, 400).Select(i => (long)((i * 3) + 1)).ToList();
        Assert.Equal(expectedIds, byId.Order());

        var names = Enumerable.Range(1, 1_200).Where(i => i % 2 == 0).Select(i => (object)$"sku-{i}'\"\\").Append("sku-none").ToList();
        var byName = await connection.ListWhereInAsync(null, "SELECT id FROM bulk_probe WHERE qty >= @min AND name IN ({list})", names,
            [("@min", 6_000L)], r => r.GetInt64(0), CancellationToken.None);
        Assert.Equal(Enumerable.Range(600, 601).Where(i => i % 2 == 0).Select(i => (long)i), byName.Order());

        Assert.Empty(await connection.ListWhereInAsync(null, "SELECT id FROM bulk_probe WHERE id IN ({list})", [], [],
            r => r.GetInt64(0), CancellationToken.None));
    }

    private async Task WriteAsync(BulkInsert insert)
    {
        await using var connection = await _database!.OpenAsync(CancellationToken.None);
        await using var transaction = await _database.BeginWriteAsync(connection, CancellationToken.None);
        await insert.FlushAsync(connection, transaction, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task<List<(long Id, string? Name, long Qty, string? Note)>> ReadAllAsync()
    {
        await using var connection = await _database!.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT id, name, qty, note FROM bulk_probe ORDER BY id")
            .ListAsync(r => (r.GetInt64(0), r.NullableString(1), r.GetInt64(2), r.NullableString(3)), CancellationToken.None);
    }
}
