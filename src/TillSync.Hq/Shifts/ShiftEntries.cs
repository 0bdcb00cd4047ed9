using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Hq.Accounting;

namespace TillSync.Hq.Shifts;

/// <summary>The journal entries of shift and cash documents (docs/shifts.md, "Accounting"): a pickup moves cash from the
/// drawer to the safe, petty cash spends it, change from the safe brings it back; a close counted short or over books the
/// variance. The opening float posts nothing: it is cash already in the store's books, counted into a drawer.</summary>
public static class ShiftEntries
{
    /// <summary>The entry of a cash movement.</summary>
    public static JournalEntry ForMovement(Guid documentId, CashMovementDto movement, long storeId, string billPrefix)
    {
        var (debit, credit, what) = movement.Reason switch
        {
            CashReasons.PickupToSafe => (Accounts.Safe, Accounts.Cash, "Pickup to the safe"),
            CashReasons.PettyCash => (Accounts.PettyCash, Accounts.Cash, "Petty cash"),
            CashReasons.FromSafe => (Accounts.Cash, Accounts.Safe, "Change from the safe"),
            _ => throw new ArgumentOutOfRangeException(nameof(movement), movement.Reason, "ShiftRules admits no other reason"),
        };
        return new JournalEntry($"cash:{documentId:D}", storeId, JournalKinds.CashMovement, JournalEntry.BusinessDate(movement.At),
            $"{what}, till {billPrefix}", [new Posting(debit, movement.AmountPaise), new Posting(credit, -movement.AmountPaise)]);
    }

    /// <summary>The entry of a close counted short or over; null when the count matched.</summary>
    public static JournalEntry? ForClose(Guid documentId, ShiftCloseDto close, long storeId, string billPrefix)
    {
        var variancePaise = ShiftRows.CashVariancePaise(close);
        if (variancePaise == 0)
        {
            return null;
        }

        var (account, what) = variancePaise < 0 ? (Accounts.CashShort, "short") : (Accounts.CashOver, "over");
        return new JournalEntry($"shift_close:{documentId:D}", storeId, JournalKinds.CashVariance, JournalEntry.BusinessDate(close.ClosedAt),
            string.Create(CultureInfo.InvariantCulture, $"Z {close.ZNumber}, till {billPrefix}: cash {what}"),
            [new Posting(Accounts.Cash, variancePaise), new Posting(account, -variancePaise)]);
    }
}
