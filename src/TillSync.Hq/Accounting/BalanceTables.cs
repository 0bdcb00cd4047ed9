namespace TillSync.Hq.Accounting;

/// <summary>The three tables of one grain of the maintained balances (ADR 0009) and the column holding their period key,
/// text that sorts as the periods do.</summary>
/// <param name="PeriodColumn">The period key's column: <c>entry_date</c> (<c>yyyy-MM-dd</c>) or <c>entry_month</c> (<c>yyyy-MM</c>).</param>
/// <param name="Accounts">Σ debits and Σ credits per account.</param>
/// <param name="Entries">The period's journal entries, bills and credit notes.</param>
/// <param name="Gst">The GST summary's classes.</param>
public sealed record BalanceTables(string PeriodColumn, string Accounts, string Entries, string Gst)
{
    /// <summary>Per business day and store (migration 0012).</summary>
    public static readonly BalanceTables Days = new("entry_date", "ledger_account_days", "ledger_days", "ledger_gst_days");

    /// <summary>Per calendar month of business days and store (migration 0015): the roll-up whole months are read from.</summary>
    public static readonly BalanceTables Months = new("entry_month", "ledger_account_months", "ledger_months", "ledger_gst_months");
}
