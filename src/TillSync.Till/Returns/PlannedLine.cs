using TillSync.Core.Tax;

namespace TillSync.Till.Returns;

/// <summary>One line of a return plan.</summary>
/// <param name="Line">The original line.</param>
/// <param name="Qty">Quantity taken back.</param>
/// <param name="Condition"><c>restock</c> or <c>damaged</c>.</param>
/// <param name="Tax">Its refund (<c>ReturnMath.ForLines</c>).</param>
/// <param name="TakeBackPaise">Its share of the promotion take-back (<c>PromotionTakeBack</c>).</param>
public sealed record PlannedLine(OriginalLine Line, decimal Qty, string Condition, LineTax Tax, long TakeBackPaise = 0);
