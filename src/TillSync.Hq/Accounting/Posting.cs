namespace TillSync.Hq.Accounting;

/// <summary>One line of a journal entry: signed paise, debit positive and credit negative.</summary>
/// <param name="Account">The account, e.g. <c>assets:cash</c>.</param>
/// <param name="AmountPaise">Positive for a debit, negative for a credit, never zero.</param>
public sealed record Posting(string Account, long AmountPaise);
