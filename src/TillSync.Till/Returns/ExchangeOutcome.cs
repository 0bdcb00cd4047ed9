using TillSync.Till.Receipts;

namespace TillSync.Till.Returns;

/// <summary>What an exchange printed: the credit note of the return and the receipt of the new sale.</summary>
/// <param name="CreditNote">The return.</param>
/// <param name="Receipt">The new sale.</param>
public sealed record ExchangeOutcome(CreditNote CreditNote, Receipt Receipt);
