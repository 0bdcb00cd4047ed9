using System.Globalization;
using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Invoices;

/// <summary>NIC's business validations that the simulator applies after the schema: tax kind by place of supply and
/// the arithmetic of items and totals. Amounts are compared exactly (decimal), except the invoice total, where NIC
/// allows ±1 rupee. Pure; returns every error found.</summary>
public static class InvoiceRules
{
    /// <summary>NIC's tolerance on <c>TotInvVal</c>.</summary>
    public const decimal InvoiceTotalToleranceRupees = 1m;

    /// <summary>The errors of <paramref name="payload"/>; empty when it passes.</summary>
    public static List<IrpError> Check(EInvoicePayload payload)
    {
        var errors = new List<IrpError>();
        var intraState = int.Parse(payload.Seller.StateCode, CultureInfo.InvariantCulture)
            == int.Parse(payload.Buyer.PlaceOfSupply, CultureInfo.InvariantCulture);
        var igstAllowedIntraState = payload.Transaction.IgstOnIntraState == "Y";
        foreach (var item in payload.Items)
        {
            CheckItem(item, intraState, igstAllowedIntraState, errors);
        }

        var values = payload.Values;
        CheckSum(errors, IrpErrorCodes.AssessableTotalMismatch, "Taxable value of all items must be equal to total taxable value (AssVal)",
            payload.Items.Sum(i => i.AssessableAmount), values.AssessableValue);
        CheckSum(errors, IrpErrorCodes.CgstTotalMismatch, "CGST value of all items must be equal to total CGST value (CgstVal)",
            payload.Items.Sum(i => i.CgstAmount ?? 0), values.CgstValue ?? 0);
        CheckSum(errors, IrpErrorCodes.SgstTotalMismatch, "SGST value of all items must be equal to total SGST value (SgstVal)",
            payload.Items.Sum(i => i.SgstAmount ?? 0), values.SgstValue ?? 0);
        CheckSum(errors, IrpErrorCodes.IgstTotalMismatch, "IGST value of all items must be equal to total IGST value (IgstVal)",
            payload.Items.Sum(i => i.IgstAmount ?? 0), values.IgstValue ?? 0);
        var expectedTotal = payload.Items.Sum(i => i.TotalItemValue) + (values.OtherCharges ?? 0) - (values.Discount ?? 0) + (values.RoundOff ?? 0);
        if (Math.Abs(expectedTotal - values.TotalInvoiceValue) > InvoiceTotalToleranceRupees)
        {
            errors.Add(new IrpError(IrpErrorCodes.InvoiceTotalMismatch, Invariant(
                $"Invalid total invoice value: TotInvVal {values.TotalInvoiceValue} should be {expectedTotal} (Σ TotItemVal + OthChrg − Discount + RndOffAmt, ±1)")));
        }

        return errors;
    }

    private static void CheckItem(InvoiceItem item, bool intraState, bool igstAllowedIntraState, List<IrpError> errors)
    {
        var at = $"HSN - {item.HsnCode} and Sl. No - {item.SerialNo}";
        if (item.AssessableAmount != item.GrossAmount - (item.Discount ?? 0))
        {
            errors.Add(new IrpError(IrpErrorCodes.ItemAssessableMismatch, $"For {at}, AssAmt value should be equal to (TotAmt - Discount)"));
        }

        var expectedItemTotal = item.AssessableAmount + (item.CgstAmount ?? 0) + (item.SgstAmount ?? 0) + (item.IgstAmount ?? 0)
            + (item.CessAmount ?? 0) + (item.CessNonAdValoremAmount ?? 0) + (item.StateCessAmount ?? 0)
            + (item.StateCessNonAdValoremAmount ?? 0) + (item.OtherCharges ?? 0);
        if (item.TotalItemValue != expectedItemTotal)
        {
            errors.Add(new IrpError(IrpErrorCodes.ItemTotalMismatch, Invariant(
                $"For {at}, TotItemVal {item.TotalItemValue} should be {expectedItemTotal} (AssAmt + GST + cess + OthChrg)")));
        }

        if (intraState && !igstAllowedIntraState && (item.IgstAmount ?? 0) > 0)
        {
            errors.Add(new IrpError(IrpErrorCodes.IgstOnIntraState,
                $"For intra state transaction IGST amounts is not applicable for item - {item.HsnCode} and Sl. No {item.SerialNo}, only CGST and SGST amounts are applicable."));
        }

        if (!intraState && ((item.CgstAmount ?? 0) > 0 || (item.SgstAmount ?? 0) > 0))
        {
            errors.Add(new IrpError(IrpErrorCodes.CgstSgstOnInterState,
                $"For inter state transaction CGST and SGST amounts are not applicable for item - {item.HsnCode} and Sl. No {item.SerialNo}, only IGST amount is applicable."));
        }
    }

    private static void CheckSum(List<IrpError> errors, string errorCode, string message, decimal itemsSum, decimal stated)
    {
        if (itemsSum != stated)
        {
            errors.Add(new IrpError(errorCode, Invariant($"{message}: items add up to {itemsSum}, ValDtls says {stated}")));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
