namespace TillSync.Contracts.Sync;

/// <summary>The buyer, when known.</summary>
/// <param name="Phone">10-digit Indian mobile number; the loyalty key.</param>
/// <param name="Gstin">15-character GSTIN; present only on B2B bills.</param>
/// <param name="Name">Legal name of a B2B buyer, or the customer's name.</param>
/// <param name="PlaceOfSupply">Two-digit GST state code; overrides the store's state (B2B delivery).</param>
public sealed record CustomerDto(string? Phone = null, string? Gstin = null, string? Name = null, string? PlaceOfSupply = null);
