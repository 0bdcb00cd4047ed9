namespace TillSync.Core.EInvoicing;

/// <summary>Transport of the goods, for an e-way bill generated with the IRN (<c>EwbDtls</c>).</summary>
/// <param name="DistanceKm">Distance between the seller's and buyer's PIN codes, 0 to 4000 km.</param>
/// <param name="Mode">Road, rail, air or ship; null when only the transporter is known.</param>
/// <param name="TransporterId">Transporter's GSTIN or TRANSIN, or null.</param>
/// <param name="TransporterName">Transporter's name, or null.</param>
/// <param name="VehicleNo">Vehicle registration number (road), or null.</param>
public sealed record EInvoiceTransport(
    int DistanceKm, TransportMode? Mode, string? TransporterId, string? TransporterName, string? VehicleNo);
