namespace TillSync.Contracts.Tills;

/// <summary>A till's public key for the signed code on its receipts (docs/returns.md).</summary>
/// <param name="TillId">HQ's id for the till.</param>
/// <param name="BillPrefix">The till's bill prefix, as printed on its receipts.</param>
/// <param name="Algorithm">The signature algorithm; today always <c>ES256</c> (ECDSA on P-256 with SHA-256).</param>
/// <param name="PublicKey">The key as base64 of its DER SubjectPublicKeyInfo.</param>
/// <param name="RegisteredAt">When HQ recorded it.</param>
public sealed record TillPublicKey(long TillId, string BillPrefix, string Algorithm, string PublicKey, DateTimeOffset RegisteredAt);

/// <summary>A till registers the public half of the key it made at enrolment (<c>PUT /api/v1/till/key</c>). The private
/// half never leaves the till. HQ keeps the first key a till registers; registering the same key again is answered as
/// the first time, a different one is refused (a replaced till is enrolled anew).</summary>
/// <param name="Algorithm">Always <c>ES256</c>.</param>
/// <param name="PublicKey">Base64 of the DER SubjectPublicKeyInfo of a P-256 key.</param>
public sealed record TillKeyRegistration(string Algorithm, string PublicKey);
