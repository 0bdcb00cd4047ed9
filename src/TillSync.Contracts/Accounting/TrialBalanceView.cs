namespace TillSync.Contracts.Accounting;

/// <summary>Every account's debits, credits and balance over a period; the balances sum to zero.</summary>
/// <param name="From">First business date included (yyyy-MM-dd), or null for the beginning.</param>
/// <param name="To">Last business date included, or null for today and after.</param>
/// <param name="StoreId">The store, or null for the whole chain.</param>
/// <param name="Rows">One row per account that moved, by account name.</param>
/// <param name="TotalDebitPaise">Σ debits; equals <paramref name="TotalCreditPaise"/>.</param>
/// <param name="TotalCreditPaise">Σ credits.</param>
/// <param name="Entries">Journal entries in the period.</param>
public sealed record TrialBalanceView(
    string? From, string? To, long? StoreId, IReadOnlyList<TrialBalanceRow> Rows, long TotalDebitPaise, long TotalCreditPaise, long Entries);

/// <summary>One account in a trial balance.</summary>
/// <param name="Account">hledger-style name, e.g. <c>liabilities:gst:cgst:9%</c>.</param>
/// <param name="DebitPaise">Σ debits.</param>
/// <param name="CreditPaise">Σ credits, positive.</param>
/// <param name="BalancePaise">Debits − credits: positive is a debit balance.</param>
public sealed record TrialBalanceRow(string Account, long DebitPaise, long CreditPaise, long BalancePaise);
