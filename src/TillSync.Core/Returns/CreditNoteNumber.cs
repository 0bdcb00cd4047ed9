using System.Globalization;
using TillSync.Core.Orders;

namespace TillSync.Core.Returns;

/// <summary>Credit note numbers: <c>PREFIX/YYYY/CNNNNN</c> — the till's bill prefix, the Indian financial year of the
/// return (as <see cref="BillNumber.FinancialYear"/>), and the till's own consecutive credit-note count for that year
/// after a <c>C</c>, e.g. <c>T01/2627/C00007</c>. At most 16 characters, valid for the e-invoice <c>DocDtls.No</c>, and
/// never equal to a bill number of the same till.</summary>
public static class CreditNoteNumber
{
    /// <summary>Digits of the running number; 99,999 credit notes per till and financial year.</summary>
    public const int NumberDigits = 5;

    /// <summary>The largest running number.</summary>
    public const long NumberMax = 99_999;

    /// <summary>The credit note number of a till's <paramref name="number"/>-th return of the financial year.</summary>
    public static string Format(string billPrefix, DateTimeOffset createdAt, long number)
    {
        Invariant.Assert(number is >= 1 and <= NumberMax);
        return string.Create(CultureInfo.InvariantCulture, $"{billPrefix}/{BillNumber.FinancialYear(createdAt)}/C{number:D5}");
    }

    /// <summary>True when <paramref name="creditNoteNo"/> has the form of a credit note number of any till and year: what a
    /// store credit voucher's code (the number of the credit note that issued it) must look like.</summary>
    public static bool IsWellFormed(string? creditNoteNo)
    {
        if (!BillNumber.IsWellFormed(creditNoteNo))
        {
            return false;
        }

        var parts = creditNoteNo!.Split('/');
        return parts is [{ Length: > 0 }, { Length: 4 } year, { Length: NumberDigits + 1 } number]
            && !year.AsSpan().ContainsAnyExceptInRange('0', '9')
            && number[0] == 'C' && !number.AsSpan(1).ContainsAnyExceptInRange('0', '9') && number != "C00000";
    }

    /// <summary>True when <paramref name="creditNoteNo"/> is well formed and in the till's series for the financial year
    /// of <paramref name="createdAt"/>.</summary>
    public static bool BelongsTo(string? creditNoteNo, string billPrefix, DateTimeOffset createdAt)
    {
        if (!BillNumber.IsWellFormed(creditNoteNo))
        {
            return false;
        }

        var series = $"{billPrefix}/{BillNumber.FinancialYear(createdAt)}/C";
        return creditNoteNo!.Length == series.Length + NumberDigits
            && creditNoteNo.StartsWith(series, StringComparison.Ordinal)
            && !creditNoteNo.AsSpan(series.Length).ContainsAnyExceptInRange('0', '9')
            && creditNoteNo.AsSpan(series.Length).ToString() != "00000";
    }
}
