using System.Text.RegularExpressions;
using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Web;

/// <summary>Who is calling: the two headers NIC requires on every call, <c>user_name</c> and <c>gstin</c>. The session
/// (client, token, that the token was issued for this GSTIN) is checked before, by
/// <see cref="Authentication.SessionGate"/>, unless the simulator runs <c>--plain</c>
/// (docs/decisions/0013-nic-handshake.md). The GSTIN decides whose documents the caller may see.</summary>
public static partial class IrpCaller
{
    /// <summary>The caller's GSTIN, or the 401 reply (errors 1004, 1006, 1015) when the headers are missing or bad.</summary>
    public static (string? Gstin, IResult? Refusal) Identify(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Headers[IrpPaths.UserNameHeader]))
        {
            return (null, IrpReplies.Error(IrpErrorCodes.UserNameRequired, "User Name is required", StatusCodes.Status401Unauthorized));
        }

        return GstinOf(request);
    }

    /// <summary>The <c>gstin</c> header, or the 401 reply (errors 1004, 1015) when it is missing or not a GSTIN.</summary>
    public static (string? Gstin, IResult? Refusal) GstinOf(HttpRequest request)
    {
        var gstin = request.Headers[IrpPaths.GstinHeader].ToString();
        if (gstin.Length == 0)
        {
            return (null, IrpReplies.Error(IrpErrorCodes.HeaderGstinRequired, "Header GSTIN is required", StatusCodes.Status401Unauthorized));
        }

        return GstinShape().IsMatch(gstin)
            ? (gstin, null)
            : (null, IrpReplies.Error(IrpErrorCodes.InvalidGstinForUser, "Invalid GSTIN for this user", StatusCodes.Status401Unauthorized));
    }

    // The schema's SellerDtls.Gstin pattern; the check character is not verified, as the schema does not.
    [GeneratedRegex("^[0-9]{2}[0-9A-Z]{13}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex GstinShape();
}
