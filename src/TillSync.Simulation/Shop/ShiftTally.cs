namespace TillSync.Simulation.Shop;

/// <summary>One shift as the simulated cashiers kept it by hand, apart from the till: the float they counted in, the cash
/// they took (tendered less change) and handed back, what they carried to and from the safe, what the card and UPI slips
/// add up to, and at the close what they counted. The drawer invariants compare the till's Z report and HQ with it.</summary>
/// <param name="tillNumber">The till, from 1.</param>
/// <param name="shiftId">The shift's id as the till answered the open.</param>
/// <param name="floatPaise">The float counted in.</param>
public sealed class ShiftTally(int tillNumber, Guid shiftId, long floatPaise)
{
    /// <summary>The till, from 1.</summary>
    public int TillNumber { get; } = tillNumber;

    /// <summary>The shift's id.</summary>
    public Guid ShiftId { get; } = shiftId;

    /// <summary>The float counted in.</summary>
    public long FloatPaise { get; } = floatPaise;

    /// <summary>Cash taken on sales: tendered less change.</summary>
    public long CashSalesPaise { get; set; }

    /// <summary>Cash handed back on returns.</summary>
    public long CashRefundsPaise { get; set; }

    /// <summary>Cash brought from the safe.</summary>
    public long CashInPaise { get; set; }

    /// <summary>Cash carried to the safe or paid out as petty cash.</summary>
    public long CashOutPaise { get; set; }

    /// <summary>Card slips less card refunds.</summary>
    public long CardPaise { get; set; }

    /// <summary>UPI slips less UPI refunds.</summary>
    public long UpiPaise { get; set; }

    /// <summary>The cash counted at the close; null while open.</summary>
    public long? CountedPaise { get; set; }

    /// <summary>The <c>shift_close</c> document's id, as the Z report names it; null while open.</summary>
    public Guid? CloseId { get; set; }

    /// <summary>What the drawer holds by the cashiers' own tally.</summary>
    public long CashPaise => checked(FloatPaise + CashSalesPaise - CashRefundsPaise + CashInPaise - CashOutPaise);
}
