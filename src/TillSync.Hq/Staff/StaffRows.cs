using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Staff;
using TillSync.Core.Staff;
using TillSync.Storage;

namespace TillSync.Hq.Staff;

/// <summary>Staff as rows (<c>staff</c> and <c>staff_stores</c>, migration 0014). The PIN hash leaves HQ only in a till's
/// snapshot; <see cref="StaffView"/> never carries it.</summary>
public static class StaffRows
{
    /// <summary>Inserts a staff member with their stores; returns the new id.</summary>
    public static async Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, StaffDto staff, StaffPin pin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Convert.ToInt64(await connection.Command("""
            INSERT INTO staff (name, role, active, pin_hash, pin_salt, pin_iterations, pin_set_at, created_at, updated_at)
            VALUES (@name, @role, @active, @hash, @salt, @iterations, @at, @at, @at)
            RETURNING staff_id
            """, transaction)
            .With("@name", staff.Name.Trim()).With("@role", staff.Role).With("@active", staff.Active ? 1 : 0).WithPin(pin)
            .With("@at", StoredTime.Text(now))
            .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await InsertStoresAsync(connection, transaction, id, staff.StoreIds, cancellationToken);
        return id;
    }

    /// <summary>Replaces a staff member's name, role, stores and active flag, and their PIN when <paramref name="pin"/> is
    /// given; false when there is no such staff member.</summary>
    public static async Task<bool> UpdateAsync(
        DbConnection connection, DbTransaction transaction, long staffId, StaffDto staff, StaffPin? pin, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var command = connection.Command(pin is null
                ? "UPDATE staff SET name = @name, role = @role, active = @active, updated_at = @at WHERE staff_id = @id"
                : """
                  UPDATE staff SET name = @name, role = @role, active = @active, pin_hash = @hash, pin_salt = @salt,
                      pin_iterations = @iterations, pin_set_at = @at, updated_at = @at
                  WHERE staff_id = @id
                  """, transaction)
            .With("@id", staffId).With("@name", staff.Name.Trim()).With("@role", staff.Role).With("@active", staff.Active ? 1 : 0)
            .With("@at", StoredTime.Text(now));
        if (pin is not null)
        {
            command.WithPin(pin);
        }

        if (await command.ExecuteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await connection.Command("DELETE FROM staff_stores WHERE staff_id = @id", transaction).With("@id", staffId).ExecuteAsync(cancellationToken);
        await InsertStoresAsync(connection, transaction, staffId, staff.StoreIds, cancellationToken);
        return true;
    }

    /// <summary>Every staff member, or the one <paramref name="staffId"/> names, by id.</summary>
    public static async Task<List<StaffView>> ListAsync(
        DbConnection connection, DbTransaction? transaction, long? staffId, CancellationToken cancellationToken)
    {
        var filter = staffId is null ? "" : "WHERE s.staff_id = @id";
        var stores = (await connection.Command($"""
                SELECT s.staff_id, ss.store_id FROM staff s JOIN staff_stores ss ON ss.staff_id = s.staff_id {filter}
                ORDER BY ss.store_id
                """, transaction)
                .WithId(staffId).ListAsync(r => (StaffId: r.GetInt64(0), StoreId: r.GetInt64(1)), cancellationToken))
            .ToLookup(s => s.StaffId, s => s.StoreId);
        return await connection.Command($"SELECT s.staff_id, s.name, s.role, s.active, s.pin_set_at FROM staff s {filter} ORDER BY s.staff_id", transaction)
            .WithId(staffId)
            .ListAsync(r => new StaffView(r.GetInt64(0), r.GetString(1), r.GetString(2), [.. stores[r.GetInt64(0)]], r.GetInt64(3) == 1,
                StoredTime.Parse(r.GetString(4))), cancellationToken);
    }

    /// <summary>The active staff of a store with their PIN hashes, for its tills' snapshots.</summary>
    public static Task<List<SnapshotStaff>> OfStoreAsync(
        DbConnection connection, DbTransaction transaction, long storeId, CancellationToken cancellationToken) =>
        connection.Command("""
            SELECT s.staff_id, s.name, s.role, s.pin_hash, s.pin_salt, s.pin_iterations
            FROM staff s JOIN staff_stores ss ON ss.staff_id = s.staff_id
            WHERE ss.store_id = @store AND s.active = 1
            ORDER BY s.staff_id
            """, transaction)
            .With("@store", storeId)
            .ListAsync(r => new SnapshotStaff(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5)),
                cancellationToken);

    private static async Task InsertStoresAsync(
        DbConnection connection, DbTransaction transaction, long staffId, IReadOnlyList<long> storeIds, CancellationToken cancellationToken)
    {
        foreach (var storeId in storeIds)
        {
            await connection.Command("INSERT INTO staff_stores (staff_id, store_id) VALUES (@staff, @store)", transaction)
                .With("@staff", staffId).With("@store", storeId).ExecuteAsync(cancellationToken);
        }
    }

    private static DbCommand WithId(this DbCommand command, long? staffId) => staffId is null ? command : command.With("@id", staffId);

    private static DbCommand WithPin(this DbCommand command, StaffPin pin) =>
        command.With("@hash", Convert.ToBase64String(pin.Hash)).With("@salt", Convert.ToBase64String(pin.Salt)).With("@iterations", pin.Iterations);
}
