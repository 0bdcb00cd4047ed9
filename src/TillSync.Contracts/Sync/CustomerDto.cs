using System.Text.Json.Serialization;

namespace TillSync.Contracts.Sync;

/// <summary>The buyer, when known.</summary>
/// <param name="Phone">10-digit Indian mobile number; the loyalty key.</param>
/// <param name="Gstin">15-character GSTIN; present only on B2B bills.</param>
/// <param name="Name">Legal name of a B2B buyer, or the customer's name.</param>
/// <param name="PlaceOfSupply">Two-digit GST state code; overrides the store's state (B2B delivery).</param>
/// <param name="Address1">A B2B buyer's building and street, for the e-invoice (<c>BuyerDtls.Addr1</c>, 1 to 100 characters); null when not taken.</param>
/// <param name="Location">A B2B buyer's city or town (<c>BuyerDtls.Loc</c>, 3 to 50 characters); null when not taken.</param>
/// <param name="Pin">A B2B buyer's six-digit PIN code (<c>BuyerDtls.Pin</c>); null when not taken.</param>
/// <remarks>The address fields came with e-invoicing and are left out of the JSON when null, so a sale without them is
/// written exactly as before (docs/sync.md's sample, tills not yet updated).</remarks>
public sealed record CustomerDto(
    string? Phone = null, string? Gstin = null, string? Name = null, string? PlaceOfSupply = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address1 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Location = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Pin = null);
