namespace TillSync.Core.Pricing;

/// <summary>How a promotion priced a line of a sale: as the line's own promotion (a scheduled price or buy-N-get-M) or
/// as the bill's (a bill-value discount, whose share the line's discount carries).</summary>
public enum PromotionPart
{
    /// <summary>The line's own promotion (<c>promotionId</c> on the line).</summary>
    Line = 1,

    /// <summary>The bill's promotion (<c>billPromotion</c> on the sale), spread over every line.</summary>
    Bill,
}
