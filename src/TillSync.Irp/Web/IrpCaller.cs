using System.Text.RegularExpressions;
using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Web;

/// <summary>Who is calling. NIC authenticates with client id and secret, an encrypted app key and a session token;
/// the simulator skips that handshake and takes the two headers NIC also requires on every call: <c>user_name</c>
/// and <c>gstin</c> (docs/decisions/0004-irp-simulator.md). The GSTIN decides whose documents the caller may see.</summary>
public static partial class IrpCaller
{
    /// <summary>The caller's GSTIN, or the 401 reply (errors 1004, 1006, 1015) when the headers are missing or bad.</summary>
    public static (string? Gstin, IResult? Refusal) Identify(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Headers[IrpPaths.UserNameHeader]))
        {
            return (null, IrpReplies.Error(IrpErrorCodes.UserNameRequired, "User Name is required", StatusCodes.Status401Unauthorized));
        }

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
