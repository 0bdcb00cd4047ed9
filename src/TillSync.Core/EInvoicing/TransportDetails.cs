using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>EwbDtls</c>: transport details that ask the IRP for an e-way bill with the IRN.</summary>
/// <param name="TransporterId"><c>TransId</c>: the transporter's GSTIN or TRANSIN; omitted when null.</param>
/// <param name="TransporterName"><c>TransName</c>; omitted when null.</param>
/// <param name="TransportMode"><c>TransMode</c>: "1" road, "2" rail, "3" air, "4" ship; omitted when null.</param>
/// <param name="DistanceKm"><c>Distance</c> between the PIN codes in km, 0 to 4000.</param>
/// <param name="VehicleNo"><c>VehNo</c>; omitted when null.</param>
/// <param name="VehicleType"><c>VehType</c>: <c>R</c> regular, <c>O</c> over-dimensional cargo; omitted when null.</param>
public sealed record TransportDetails(
    [property: JsonPropertyName("TransId")] string? TransporterId,
    [property: JsonPropertyName("TransName")] string? TransporterName,
    [property: JsonPropertyName("TransMode")] string? TransportMode,
    [property: JsonPropertyName("Distance")] int DistanceKm,
    [property: JsonPropertyName("VehNo")] string? VehicleNo,
    [property: JsonPropertyName("VehType")] string? VehicleType);
