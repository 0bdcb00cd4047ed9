// Proves the IRP's RS256 compact JWS: what the simulator signs verifies with its published JWK, and nothing else does.
// How: sign and verify in process with fresh RSA keys; tamper with each part; a JWK round trip and its RFC 7638 thumbprint.
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Core.EInvoicing;

namespace TillSync.Core.Tests.EInvoicing;

public sealed class IrpSignaturesTests
{
    private static readonly QrCodeClaims Claims = new("29AABCH1234K1ZN", "27AAACS7319F1ZE", "T01/2627/000042", "INV", "28/11/2026",
        66_080.00m, 1, "85287219", "af1cb743256c9e0ca28356ccaaf34fdcad6ccfbc8657bf6edeff6a5230f6100a", "2026-11-28 10:15:00");

    [Fact]
    public void Sign_ThenVerifyWithThePublishedKey_GivesTheClaimsBack()
    {
        using var key = RSA.Create(2048);
        var jwk = RsaJwk.From(key);
        using var published = jwk.ToRsa();

        var jws = IrpSignatures.Sign(JsonSerializer.Serialize(Claims, IrpJsonContext.Default.QrCodeClaims), key, jwk.KeyId);

        Assert.Equal(Claims, IrpSignatures.VerifiedQrCode(jws, published));
        Assert.True(CompactJws.TryVerify(jws, published, out var header, out _));
        Assert.Equal(new JwsHeader("RS256", "JWT", jwk.KeyId), header);
    }

    [Fact]
    public void Verify_TamperedPayloadOrOtherKey_Fails()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var jws = IrpSignatures.Sign("{\"Irn\":\"a\"}", key, "k1");
        var parts = jws.Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"data\":\"{\\\"Irn\\\":\\\"b\\\"}\",\"iss\":\"NIC\"}"));

        Assert.Equal("{\"Irn\":\"a\"}", IrpSignatures.VerifiedData(jws, key));
        Assert.Null(IrpSignatures.VerifiedData(jws, other));
        Assert.Null(IrpSignatures.VerifiedData($"{parts[0]}.{forged}.{parts[2]}", key));
        Assert.Null(IrpSignatures.VerifiedData($"{parts[0]}.{parts[1]}", key));
        Assert.Null(IrpSignatures.VerifiedData("not a jws", key));
    }

    [Fact]
    public void Verify_AlgorithmNone_Fails()
    {
        using var key = RSA.Create(2048);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}"));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"data\":\"{}\",\"iss\":\"NIC\"}"));

        Assert.False(CompactJws.TryVerify($"{header}.{payload}.", key, out _, out _));
    }

    [Fact]
    public void RsaJwk_KeyId_IsTheRfc7638Thumbprint()
    {
        using var key = RSA.Create(2048);
        var jwk = RsaJwk.From(key);
        var canonical = $"{{\"e\":\"{jwk.Exponent}\",\"kty\":\"RSA\",\"n\":\"{jwk.Modulus}\"}}";

        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), jwk.KeyId);
        Assert.Equal(("RSA", "sig", "RS256"), (jwk.KeyType, jwk.Use, jwk.Algorithm));
        using var publicOnly = jwk.ToRsa();
        Assert.Equal(jwk, RsaJwk.From(publicOnly));
    }
}
