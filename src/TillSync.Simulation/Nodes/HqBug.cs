namespace TillSync.Simulation.Nodes;

/// <summary>Test-only bugs planted in the simulated HQ, to prove that the checker catches each kind of mistake in the
/// documents that move money: each is a SQL trigger doing in HQ's database what the bug would do, installed at every start
/// (<see cref="HqBugs"/>). Not reachable from <c>tillsync simulate</c>.</summary>
public enum HqBug
{
    /// <summary>No bug.</summary>
    None = 0,

    /// <summary>HQ's document ledger forgets every return it records, so a resend is no longer answered from the record.</summary>
    ReturnDedupLost,

    /// <summary>A loyalty burn is taken from the customer's maintained balance twice.</summary>
    LoyaltyBurnTwice,

    /// <summary>HQ forgets that a redemption token was used, so a second sale with it commits and burns again.</summary>
    RedemptionTokenReusable,

    /// <summary>The over_return review item is never kept.</summary>
    OverReturnUnreviewed,

    /// <summary>The store_credit_overdraft review item is never kept.</summary>
    StoreCreditOverdraftUnreviewed,

    /// <summary>A return is never linked to its original.</summary>
    ReturnNeverLinked,

    /// <summary>A credit note's lines carry one paisa more CGST than its journal entry reverses.</summary>
    CreditNoteGstSkewed,

    /// <summary>HQ's e-invoice worker forgets each credit note once it is registered and sends it to the portal again
    /// as new (attempt 1, no lookup first): a CRN sent twice.</summary>
    CrnSentTwice,

    /// <summary>HQ judges a sale by the price its catalogue holds when the sale arrives, not by the price the till's
    /// snapshot held: a line billed at any other price opens a price_deviation item.</summary>
    PriceJudgedByToday,

    /// <summary>HQ judges a sale's promotion claims by the promotions it holds when the sale arrives, not by what the till's
    /// pricing version knew: a sale claiming a promotion HQ has since ended early opens a price_deviation item, though its
    /// till sold before it heard of the end.</summary>
    PromotionJudgedByToday,

    /// <summary>A stock_short write_off puts the short units back on hand, as a transfer_in would, without their value
    /// (no entry): quantity moves, the inventory account does not.</summary>
    WriteOffMovesQuantityOnly,

    /// <summary>A cost change leaves the inventory account where it was: the revaluation entry posts both its sides to
    /// <c>expenses:revaluation</c>, so the entry still balances, while the stock on hand is now at the new cost.</summary>
    CostChangedWithoutRevaluation,
}
