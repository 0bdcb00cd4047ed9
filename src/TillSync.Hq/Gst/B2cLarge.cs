namespace TillSync.Hq.Gst;

/// <summary>Which B2C invoices GSTR-1 lists one by one (B2CL): inter-state supplies to an unregistered buyer whose
/// invoice value exceeds the limit of the invoice's date. The limit was ₹2,50,000 until Notification 12/2024–Central Tax
/// lowered it to ₹1,00,000 from 1 August 2024; a credit note follows its original invoice's class (docs/gst.md).</summary>
public static class B2cLarge
{
    /// <summary>The first day of the lower limit.</summary>
    public static readonly DateOnly LowerLimitFrom = new(2024, 8, 1);

    /// <summary>The limit from 1 August 2024: ₹1,00,000.</summary>
    public const long LimitPaise = 1_00_000_00;

    /// <summary>The limit before 1 August 2024: ₹2,50,000.</summary>
    public const long EarlierLimitPaise = 2_50_000_00;

    /// <summary>True when an inter-state B2C invoice of <paramref name="invoiceValuePaise"/> dated
    /// <paramref name="invoiceDate"/> is B2C large.</summary>
    public static bool Exceeds(long invoiceValuePaise, DateOnly invoiceDate) =>
        invoiceValuePaise > (invoiceDate >= LowerLimitFrom ? LimitPaise : EarlierLimitPaise);
}
