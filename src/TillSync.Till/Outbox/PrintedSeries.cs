using TillSync.Core.Orders;

namespace TillSync.Till.Outbox;

/// <summary>The printed number series a till keeps apart from <c>tillSeq</c> (ADR 0007), as names of rows in till.db's <c>counters</c> table.</summary>
public static class PrintedSeries
{
    /// <summary>Bill numbers: one running number for the till's life, continued from the last bill printed (a till upgraded
    /// from a version where the bill number was its <c>tillSeq</c> carries on from that).</summary>
    public const string Bill = "bill";

    /// <summary>Credit note numbers of the financial year of <paramref name="at"/>: from 1 in each year.</summary>
    public static string CreditNote(DateTimeOffset at) => $"credit_note/{BillNumber.FinancialYear(at)}";

    /// <summary>Z report numbers: consecutive for the till's life from 1, one per shift closed.</summary>
    public const string ZReport = "z_report";
}
