using System.Globalization;
using TillSync.Core.Orders;

namespace TillSync.Core.EInvoicing;

/// <summary>Times as the IRP writes them: IST, <c>yyyy-MM-dd HH:mm:ss</c> (AckDt, CancelDate, EwbDt).</summary>
public static class IrpTimes
{
    /// <summary>The IRP's time format.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The IST text of a moment.</summary>
    public static string Text(DateTimeOffset at) => at.ToOffset(BillNumber.IstOffset).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The moment an IST text names, or false.</summary>
    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local, BillNumber.IstOffset);
            return true;
        }

        at = default;
        return false;
    }
}
