using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Core.EInvoicing;

/// <summary>The Invoice Reference Number (docs/einvoice.md): lowercase hex SHA-256 of
/// <c>sellerGstin + "YYYY-YY" + docType + upper(docNo)</c>, where YYYY-YY is the Indian financial year (1 April to
/// 31 March) of the document date. The till, HQ and the IRP simulator all compute it here.</summary>
public static class Irn
{
    /// <summary>Characters in an IRN: 64 lowercase hex digits.</summary>
    public const int Length = 64;

    /// <summary>The IRN of a document. Callers check the inputs first (<see cref="Tax.Gstin"/>-shaped seller, a known
    /// document type, a non-empty number); an empty argument is a bug and throws.</summary>
    /// <param name="sellerGstin">The supplier's GSTIN, 15 characters, as in <c>SellerDtls.Gstin</c>.</param>
    /// <param name="documentDate">The document date (<c>DocDtls.Dt</c>); it picks the financial year.</param>
    /// <param name="documentType">The document type.</param>
    /// <param name="documentNumber">The document number; compared case-insensitively, so it is hashed in upper case.</param>
    public static string Compute(string sellerGstin, DateOnly documentDate, EInvoiceDocumentType documentType, string documentNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellerGstin);
        ArgumentException.ThrowIfNullOrEmpty(documentNumber);
        var text = string.Concat(
            sellerGstin, FinancialYear(documentDate), DocumentTypes.Code(documentType), documentNumber.ToUpperInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The IRN of a document made at <paramref name="createdAt"/> (its date in IST, <see cref="DocumentDates.Of"/>).
    /// The till prints it on the receipt of a B2B bill or credit note before HQ registers it; HQ and the IRP compute the
    /// same from the same inputs.</summary>
    public static string Compute(string sellerGstin, DateTimeOffset createdAt, EInvoiceDocumentType documentType, string documentNumber) =>
        Compute(sellerGstin, DocumentDates.Of(createdAt), documentType, documentNumber);

    /// <summary>The financial year of a date as "YYYY-YY": 28/11/2026 and 15/03/2027 → "2026-27", 01/04/2027 → "2027-28".</summary>
    public static string FinancialYear(DateOnly documentDate)
    {
        var startYear = documentDate.Month >= 4 ? documentDate.Year : documentDate.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{startYear:D4}-{(startYear + 1) % 100:D2}");
    }

    /// <summary>True when <paramref name="irn"/> is 64 lowercase hex digits.</summary>
    public static bool IsWellFormed(string? irn) =>
        irn is { Length: Length } && !irn.AsSpan().ContainsAnyExcept(LowerHexDigits);

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");
}
