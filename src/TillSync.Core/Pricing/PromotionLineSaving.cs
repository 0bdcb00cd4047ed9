namespace TillSync.Core.Pricing;

/// <summary>What one promotion did on one line of a sale (<see cref="PromotionSavings.Of"/>).</summary>
/// <param name="LineIndex">The line's index in the sale, from 0.</param>
/// <param name="PromotionId">HQ's promotion id.</param>
/// <param name="Part">Whether it priced the line as the line's promotion or as the bill's.</param>
/// <param name="Qty">The units of the line it priced: the line's quantity.</param>
/// <param name="FreeQty">The units it gave free (buy-N-get-M); 0 for the other kinds.</param>
/// <param name="SavingPaise">What the customer paid less on the line by it, GST included: the line's total without the
/// promotion less its total as billed. On a line priced inclusive of GST this is the promotion's amount itself.</param>
public sealed record PromotionLineSaving(int LineIndex, long PromotionId, PromotionPart Part, decimal Qty, decimal FreeQty, long SavingPaise);
