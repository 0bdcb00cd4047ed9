using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Signing;

/// <summary>Publishes the signing key: <c>GET /eicore/v1.03/keys</c> (JWK set) and <c>…/keys/pem</c>. NIC hands out
/// its public key as a file; a URL lets tests and HQ fetch it. No headers are needed.</summary>
public static class KeyEndpoints
{
    /// <summary>Maps the two key endpoints.</summary>
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(IrpPaths.Keys, (SigningKey key) =>
            TypedResults.Json(new JwkSet([key.Jwk]), IrpJsonContext.Nic.JwkSet));
        routes.MapGet(IrpPaths.Keys + "/pem", (SigningKey key) =>
            TypedResults.Text(key.PublicKeyPem, "application/x-pem-file"));
        return routes;
    }
}
