namespace TillSync.Core.EInvoicing;

/// <summary>The NIC codes of <see cref="EInvoiceDocumentType"/>: <c>INV</c>, <c>CRN</c>, <c>DBN</c>.</summary>
public static class DocumentTypes
{
    /// <summary>The code NIC uses for <paramref name="type"/>.</summary>
    public static string Code(EInvoiceDocumentType type) => type switch
    {
        EInvoiceDocumentType.Invoice => "INV",
        EInvoiceDocumentType.CreditNote => "CRN",
        EInvoiceDocumentType.DebitNote => "DBN",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a document type."),
    };

    /// <summary>The document type a NIC code names (upper case only, as the schema's enum), or false.</summary>
    public static bool TryParse(string? code, out EInvoiceDocumentType type)
    {
        type = code switch
        {
            "INV" => EInvoiceDocumentType.Invoice,
            "CRN" => EInvoiceDocumentType.CreditNote,
            "DBN" => EInvoiceDocumentType.DebitNote,
            _ => default,
        };
        return type != default;
    }
}
