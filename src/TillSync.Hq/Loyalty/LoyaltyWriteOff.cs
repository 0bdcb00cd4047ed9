using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Reviews;
using TillSync.Core;
using TillSync.Hq.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>A manager writes off a <c>loyalty_overdraft</c>: the points the sale burned beyond the balance are given
/// back as an adjustment movement, so the customer's balance rises by them, and the store bears their value —
/// Dr <c>expenses:loyalty</c> / Cr <c>liabilities:loyalty</c> at the value the sale burned them at. Runs in the
/// resolution's transaction.</summary>
public static class LoyaltyWriteOff
{
    /// <summary>Applies the write-off of <paramref name="item"/>; its entry goes to <paramref name="journal"/>, which the
    /// caller flushes with the resolution's own.</summary>
    public static async Task ApplyAsync(
        DbConnection connection, DbTransaction transaction, ReviewItemView item, JournalWriter journal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var overdraft = await connection.Command("SELECT phone, points, value_paise FROM loyalty_overdrafts WHERE client_order_id = @order", transaction)
            .With("@order", item.ClientOrderId.ToString("D"))
            .FirstOrDefaultAsync(r => (Phone: r.GetString(0), Points: r.GetInt64(1), ValuePaise: r.GetInt64(2)), cancellationToken);
        // The sync that opened the item wrote the overdraft row in the same transaction.
        Invariant.Assert(overdraft.Phone is not null);
        var at = StoredTime.Text(now);
        await connection.Command("""
            INSERT INTO loyalty_movements (phone, kind, points, store_id, till_id, client_order_id, review_id, created_at)
            VALUES (@phone, @kind, @points, @store, @till, NULL, @review, @at)
            """, transaction)
            .With("@phone", overdraft.Phone).With("@kind", LoyaltyMovementKinds.Adjustment).With("@points", overdraft.Points)
            .With("@store", item.StoreId).With("@till", item.TillId).With("@review", item.ReviewId).With("@at", at)
            .ExecuteAsync(cancellationToken);
        var updated = await connection.Command(
                "UPDATE loyalty_customers SET balance_points = balance_points + @points, last_activity_at = @at WHERE phone = @phone", transaction)
            .With("@points", overdraft.Points).With("@at", at).With("@phone", overdraft.Phone).ExecuteAsync(cancellationToken);
        Invariant.Assert(updated == 1);
        var postings = new PostingSet().Transfer(Accounts.LoyaltyExpense, Accounts.LoyaltyLiability, overdraft.ValuePaise).ToPostings();
        journal.Add(new JournalEntry(string.Create(CultureInfo.InvariantCulture, $"loyalty-write-off:{item.ReviewId}"), item.StoreId,
            JournalKinds.Resolution, JournalEntry.BusinessDate(now), $"Loyalty overdraft of bill {item.BillNo} written off", postings), now);
    }
}
