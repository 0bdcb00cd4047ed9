namespace TillSync.Contracts.Stores;

/// <summary>A store as a manager configures it (<c>PUT /api/v1/store</c>, <c>POST /api/v1/stores</c>).</summary>
/// <param name="Gstin">The store's 15-character GSTIN; its first two digits are the seller's state.</param>
/// <param name="LegalName">Legal name of the business, 3 to 100 characters.</param>
/// <param name="Address1">First address line, 1 to 100 characters.</param>
/// <param name="Location">City or town, 3 to 50 characters.</param>
/// <param name="Pin">Six-digit PIN code.</param>
/// <param name="StateCode">Two-digit GST state code; must equal the GSTIN's first two digits.</param>
/// <param name="TradeName">Trade name printed on receipts; optional.</param>
/// <param name="Address2">Second address line; optional.</param>
public sealed record StoreDto(
    string Gstin, string LegalName, string Address1, string Location, int Pin, string StateCode,
    string? TradeName = null, string? Address2 = null);

/// <summary>A configured store.</summary>
/// <param name="StoreId">HQ's id for the store; 1 is the default store.</param>
/// <param name="IsDefault">True for the default store.</param>
/// <param name="Details">What the manager configured.</param>
public sealed record StoreView(long StoreId, bool IsDefault, StoreDto Details);
