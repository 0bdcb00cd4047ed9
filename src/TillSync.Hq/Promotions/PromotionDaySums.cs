using System.Data.Common;
using TillSync.Contracts.Pricing;
using TillSync.Core.Pricing;
using TillSync.Core.Tax;
using TillSync.Hq.Stock;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>What one promotion did in one store on one business day (a <c>promotion_days</c> row, migration 0032), or
/// over any set of such days once added up: the sales it priced and the returns of them. Quantities in thousandths of a
/// unit, money in paise (savings GST included, as the customer paid less; revenue before GST).</summary>
public sealed class PromotionDaySums
{
    /// <summary>The sums' columns, each with its value: the report and the upsert name them once, here.</summary>
    public static readonly Column<PromotionDaySums>[] Columns =
    [
        new("bills", s => s.Bills),
        new("lines", s => s.Lines),
        new("qty_milli", s => s.QtyMilli),
        new("free_qty_milli", s => s.FreeQtyMilli),
        new("saving_paise", s => s.SavingPaise),
        new("sales_paise", s => s.SalesPaise),
        new("taxable_paise", s => s.TaxablePaise),
        new("credit_notes", s => s.CreditNotes),
        new("returned_qty_milli", s => s.ReturnedQtyMilli),
        new("saving_returned_paise", s => s.SavingReturnedPaise),
        new("taken_back_paise", s => s.TakenBackPaise),
        new("refund_paise", s => s.RefundPaise),
        new("refund_taxable_paise", s => s.RefundTaxablePaise),
    ];

    /// <summary>Bills that claimed the promotion.</summary>
    public long Bills { get; set; }

    /// <summary>Their lines it priced.</summary>
    public long Lines { get; set; }

    /// <summary>The units of those lines.</summary>
    public long QtyMilli { get; set; }

    /// <summary>The units it gave free.</summary>
    public long FreeQtyMilli { get; set; }

    /// <summary>What customers paid less by it, GST included.</summary>
    public long SavingPaise { get; set; }

    /// <summary>What customers paid for the lines it priced, GST included.</summary>
    public long SalesPaise { get; set; }

    /// <summary>Their taxable value: the revenue before GST.</summary>
    public long TaxablePaise { get; set; }

    /// <summary>Credit notes that took back units of those lines or part of its saving.</summary>
    public long CreditNotes { get; set; }

    /// <summary>The units they took back.</summary>
    public long ReturnedQtyMilli { get; set; }

    /// <summary>The saving on those units, which came back with them (pro rata).</summary>
    public long SavingReturnedPaise { get; set; }

    /// <summary>What the returns took back of the saving because the goods kept no longer earned it (ADR 0023).</summary>
    public long TakenBackPaise { get; set; }

    /// <summary>What the credit notes refunded for the lines it priced, GST included.</summary>
    public long RefundPaise { get; set; }

    /// <summary>Their taxable value.</summary>
    public long RefundTaxablePaise { get; set; }

    /// <summary>The sums of the current row of <paramref name="reader"/>, whose columns are named as <see cref="Columns"/>.</summary>
    public static PromotionDaySums Read(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long Sum(string column) => reader.GetInt64(reader.GetOrdinal(column));
        return new PromotionDaySums
        {
            Bills = Sum("bills"), Lines = Sum("lines"), QtyMilli = Sum("qty_milli"), FreeQtyMilli = Sum("free_qty_milli"), SavingPaise = Sum("saving_paise"),
            SalesPaise = Sum("sales_paise"), TaxablePaise = Sum("taxable_paise"), CreditNotes = Sum("credit_notes"),
            ReturnedQtyMilli = Sum("returned_qty_milli"), SavingReturnedPaise = Sum("saving_returned_paise"), TakenBackPaise = Sum("taken_back_paise"),
            RefundPaise = Sum("refund_paise"), RefundTaxablePaise = Sum("refund_taxable_paise"),
        };
    }

    /// <summary>Adds a line of a committed sale and what the promotion did on it.</summary>
    public void AddSold(PromotionLineSaving saving, LineTax tax)
    {
        ArgumentNullException.ThrowIfNull(saving);
        Lines++;
        QtyMilli = checked(QtyMilli + Quantity.ToMilli(saving.Qty));
        FreeQtyMilli = checked(FreeQtyMilli + Quantity.ToMilli(saving.FreeQty));
        SavingPaise = checked(SavingPaise + saving.SavingPaise);
        SalesPaise = checked(SalesPaise + tax.TotalPaise);
        TaxablePaise = checked(TaxablePaise + tax.TaxablePaise);
    }

    /// <summary>Adds what a linked return did to the promotion's saving and refunded for the lines it priced.</summary>
    public void AddReturned(PromotionUseRows.Returned returned)
    {
        ArgumentNullException.ThrowIfNull(returned);
        CreditNotes++;
        ReturnedQtyMilli = checked(ReturnedQtyMilli + Quantity.ToMilli(returned.ReturnedQty));
        SavingReturnedPaise = checked(SavingReturnedPaise + returned.SavingReturnedPaise);
        TakenBackPaise = checked(TakenBackPaise + returned.TakenBackPaise);
        RefundPaise = checked(RefundPaise + returned.RefundPaise);
        RefundTaxablePaise = checked(RefundTaxablePaise + returned.RefundTaxablePaise);
    }

    /// <summary>Adds <paramref name="other"/> to these sums.</summary>
    public void Add(PromotionDaySums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Bills = checked(Bills + other.Bills);
        Lines = checked(Lines + other.Lines);
        QtyMilli = checked(QtyMilli + other.QtyMilli);
        FreeQtyMilli = checked(FreeQtyMilli + other.FreeQtyMilli);
        SavingPaise = checked(SavingPaise + other.SavingPaise);
        SalesPaise = checked(SalesPaise + other.SalesPaise);
        TaxablePaise = checked(TaxablePaise + other.TaxablePaise);
        CreditNotes = checked(CreditNotes + other.CreditNotes);
        ReturnedQtyMilli = checked(ReturnedQtyMilli + other.ReturnedQtyMilli);
        SavingReturnedPaise = checked(SavingReturnedPaise + other.SavingReturnedPaise);
        TakenBackPaise = checked(TakenBackPaise + other.TakenBackPaise);
        RefundPaise = checked(RefundPaise + other.RefundPaise);
        RefundTaxablePaise = checked(RefundTaxablePaise + other.RefundTaxablePaise);
    }

    /// <summary>The sums as the API shows them: units as quantities, and the nets — the saving customers kept (given less
    /// what came back with the goods and what was taken back), and the promoted lines' sales and revenue less refunds.</summary>
    public PromotionFigures ToFigures() => new(
        Bills, Lines, Quantity.FromMilli(QtyMilli), Quantity.FromMilli(FreeQtyMilli), SavingPaise, CreditNotes, Quantity.FromMilli(ReturnedQtyMilli),
        SavingReturnedPaise, TakenBackPaise, checked(SavingPaise - SavingReturnedPaise - TakenBackPaise), checked(SalesPaise - RefundPaise),
        checked(TaxablePaise - RefundTaxablePaise));
}
