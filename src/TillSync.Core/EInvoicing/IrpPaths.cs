using System.Globalization;

namespace TillSync.Core.EInvoicing;

/// <summary>The IRP's HTTP paths (NIC v1.03) and the headers every call carries. The simulator serves exactly these.</summary>
public static class IrpPaths
{
    /// <summary>Header naming the API user; required on every NIC path.</summary>
    public const string UserNameHeader = "user_name";

    /// <summary>Header naming the caller's GSTIN; required on every NIC path, and must be the seller's.</summary>
    public const string GstinHeader = "gstin";

    /// <summary>Header carrying the client id NIC issued (sign-in and every call of the authenticated flow).</summary>
    public const string ClientIdHeader = "client_id";

    /// <summary>Header carrying the client secret; a secret, never logged.</summary>
    public const string ClientSecretHeader = "client_secret";

    /// <summary>Header carrying the session's token after sign-in.</summary>
    public const string AuthTokenHeader = "AuthToken";

    /// <summary><c>POST</c>: sign in (body: <see cref="NicRequestBody"/> sealing an <see cref="AuthRequest"/> with the
    /// portal's public key), answers <see cref="AuthSession"/>.</summary>
    public const string Auth = "/eivital/v1.04/auth";

    /// <summary><c>POST</c>: register an invoice (body: <see cref="EInvoicePayload"/>), answers <see cref="IrnDetails"/>.</summary>
    public const string GenerateIrn = "/eicore/v1.03/Invoice";

    /// <summary><c>POST</c>: cancel (body: <see cref="CancelIrnRequest"/>), answers <see cref="CancelledIrn"/>.</summary>
    public const string CancelIrn = "/eicore/v1.03/Invoice/Cancel";

    /// <summary><c>GET /eicore/v1.03/Invoice/irn/{irn}</c>, answers <see cref="IrnDetails"/>.</summary>
    public const string IrnByIrnPrefix = "/eicore/v1.03/Invoice/irn/";

    /// <summary><c>GET …?doctype=&amp;docnum=&amp;docdate=</c>, answers <see cref="IrnDetails"/>.</summary>
    public const string IrnByDocumentDetails = "/eicore/v1.03/Invoice/irnbydocdetails";

    /// <summary><c>POST</c>: e-way bill by IRN (body: <see cref="EwayBillRequest"/>), answers <see cref="EwayBill"/>.</summary>
    public const string EwayBillByIrn = "/eiewb/v1.03/ewaybill";

    /// <summary><c>POST</c>: cancel an e-way bill within 24 hours of its generation (body:
    /// <see cref="CancelEwayBillRequest"/>), answers <see cref="CancelledEwayBill"/>. NIC's is <c>/ewayapi/</c> with
    /// action <c>CANEWB</c>; the simulator gives it a path of its own, as it skips NIC's encrypted action envelope.</summary>
    public const string CancelEwayBill = "/eiewb/v1.03/ewaybill/cancel";

    /// <summary><c>GET</c>: the signing key as a JWK set (<see cref="JwkSet"/>); no headers needed.</summary>
    public const string Keys = "/eicore/v1.03/keys";

    /// <summary>True for the paths whose <c>Data</c> travels encrypted with the session key and that need a signed-in
    /// session: every NIC path but the sign-in and the published keys.</summary>
    public static bool IsSessionPath(string? path) =>
        path is not null
        && (path.StartsWith("/eicore/", StringComparison.Ordinal) || path.StartsWith("/eiewb/", StringComparison.Ordinal))
        && !path.StartsWith(Keys, StringComparison.Ordinal);

    /// <summary>The path that reads one IRN.</summary>
    public static string IrnByIrn(string irn) => IrnByIrnPrefix + Uri.EscapeDataString(irn);

    /// <summary>The path and query that look a document up by its details.</summary>
    public static string IrnByDocument(EInvoiceDocumentType type, string number, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{IrnByDocumentDetails}?doctype={DocumentTypes.Code(type)}&docnum={Uri.EscapeDataString(number)}&docdate={Uri.EscapeDataString(DocumentDates.Text(date))}");
}
