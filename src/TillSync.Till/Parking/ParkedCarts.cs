using System.Data.Common;
using System.Text.Json;
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Web;

namespace TillSync.Till.Parking;

/// <summary>Carts parked at the counter, kept in <c>till.db</c> (<c>parked_carts</c>) so that they survive a restart. They
/// are local only: a parked cart is no document, sells nothing and is never sent to HQ; resuming it puts its lines back in
/// the page's cart, to be priced and sold as any cart. A park is idempotent on its request id; a resume marks the cart
/// resumed and answers it again on a retry, so a lost answer never loses the cart.</summary>
public sealed class ParkedCarts(TillDatabase database, CashierSession cashiers, SnapshotStore snapshots, TimeProvider time)
{
    /// <summary>The most lines one parked cart holds (a sale's most).</summary>
    public const int LinesMax = Limits.OrderLinesMax;

    /// <summary>The most carts parked at once on a till.</summary>
    public const int OpenMax = 50;

    /// <summary>The most characters of a note.</summary>
    public const int NoteCharsMax = 100;

    /// <summary>The largest quantity of a line.</summary>
    public const decimal QtyMax = 100_000m;

    private const int SkuCharsMax = 64;

    private const string Columns = "park_id, parked_at, cashier_id, cart_json, resumed_at";

    /// <summary>Parks a cart for the logged-in cashier; the same request again answers the same cart.</summary>
    public async Task<(ParkedCart? Cart, ParkRefusal? Refusal, string Detail)> ParkAsync(ParkRequest request, CancellationToken cancellationToken)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (Problem(request, note) is { } problem)
        {
            return (null, ParkRefusal.Invalid, problem);
        }

        if (cashiers.Active() is not { } cashier)
        {
            return (null, ParkRefusal.NoCashier, "No cashier is logged in: log in with your PIN first. Nothing was parked.");
        }

        var cartJson = JsonSerializer.Serialize(request with { Note = note }, TillJsonContext.Default.ParkRequest);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        if (await FindAsync(connection, transaction, request.RequestId, cancellationToken) is { } earlier)
        {
            return earlier.Json == cartJson
                ? (earlier.Cart, null, "")
                : (null, ParkRefusal.RequestReused, "This request id parked another cart before: nothing was parked.");
        }

        if (await connection.Command("SELECT COUNT(*) FROM parked_carts WHERE resumed_at IS NULL", transaction).ScalarAsync(cancellationToken) is long and >= OpenMax)
        {
            return (null, ParkRefusal.Full, $"{OpenMax} carts are parked already: resume or sell one first. Nothing was parked.");
        }

        await connection.Command("INSERT INTO parked_carts (park_id, parked_at, cashier_id, cart_json) VALUES (@id, @at, @cashier, @cart)", transaction)
            .With("@id", request.RequestId.ToString("D")).With("@at", StoredTime.Text(time.GetUtcNow())).With("@cashier", cashier.StaffId)
            .With("@cart", cartJson).ExecuteAsync(cancellationToken);
        var parked = (await FindAsync(connection, transaction, request.RequestId, cancellationToken))!.Value.Cart;
        await transaction.CommitAsync(cancellationToken);
        return (parked, null, "");
    }

    /// <summary>Takes a parked cart back to the counter: it leaves the parked list; a retry answers it again.</summary>
    public async Task<(ParkedCart? Cart, ParkRefusal? Refusal, string Detail)> ResumeAsync(Guid parkId, CancellationToken cancellationToken)
    {
        if (cashiers.Active() is null)
        {
            return (null, ParkRefusal.NoCashier, "No cashier is logged in: log in with your PIN first.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await connection.Command("UPDATE parked_carts SET resumed_at = @at WHERE park_id = @id AND resumed_at IS NULL", transaction)
            .With("@id", parkId.ToString("D")).With("@at", StoredTime.Text(time.GetUtcNow())).ExecuteAsync(cancellationToken);
        var found = await FindAsync(connection, transaction, parkId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found is { } cart ? (cart.Cart, null, "") : (null, ParkRefusal.NotFound, "No cart was parked with that id on this till.");
    }

    /// <summary>The carts still parked, oldest first (two parked in one clock tick in the order they were parked: rowid).</summary>
    public async Task<IReadOnlyList<ParkedCart>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command($"SELECT {Columns} FROM parked_carts WHERE resumed_at IS NULL ORDER BY parked_at, rowid")
            .ListAsync(Read, cancellationToken);
    }

    /// <summary>The carts still parked, read in a document transaction (the close's Z report lists them).</summary>
    public Task<List<ParkedCart>> OpenAsync(DocumentTransaction transaction, CancellationToken cancellationToken) =>
        transaction.ListAsync($"SELECT {Columns} FROM parked_carts WHERE resumed_at IS NULL ORDER BY parked_at, rowid", Read, cancellationToken);

    private static string? Problem(ParkRequest request, string? note)
    {
        if (request.Lines is not { Count: > 0 and <= LinesMax })
        {
            return $"A parked cart holds 1 to {LinesMax} lines.";
        }

        var bad = request.Lines.ToList().FindIndex(l => l is null || string.IsNullOrWhiteSpace(l.Sku) || l.Sku.Length > SkuCharsMax || l.Qty is <= 0 or > QtyMax);
        if (bad >= 0)
        {
            return $"Line {bad + 1} needs a SKU of 1 to {SkuCharsMax} characters and a quantity above 0 and at most {QtyMax:0}.";
        }

        return note is not null && (note.Length > NoteCharsMax || !FreeText.IsPrintable(note))
            ? $"A note is at most {NoteCharsMax} printable characters."
            : null;
    }

    private async Task<(ParkedCart Cart, string Json)?> FindAsync(DbConnection connection, DbTransaction transaction, Guid parkId, CancellationToken cancellationToken)
    {
        var rows = await connection.Command($"SELECT {Columns} FROM parked_carts WHERE park_id = @id", transaction).With("@id", parkId.ToString("D"))
            .ListAsync(r => (Read(r), r.GetString(3)), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private ParkedCart Read(DbDataReader r)
    {
        var cart = JsonSerializer.Deserialize(r.GetString(3), TillJsonContext.Default.ParkRequest)!;
        var cashierId = r.GetInt64(2);
        var name = snapshots.Current?.Staff?.FirstOrDefault(s => s.StaffId == cashierId)?.Name ?? $"staff {cashierId}";
        return new ParkedCart(Guid.Parse(r.GetString(0)), StoredTime.Parse(r.GetString(1)), name, cart.Lines, cart.Note,
            r.IsDBNull(4) ? null : StoredTime.Parse(r.GetString(4)));
    }
}
