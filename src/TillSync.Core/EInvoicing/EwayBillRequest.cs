namespace TillSync.Core.EInvoicing;

/// <summary>Body of <c>POST /eiewb/v1.03/ewaybill</c> (e-way bill by IRN), NIC's field names.</summary>
/// <param name="Irn">The registered invoice's IRN.</param>
/// <param name="Distance">Distance in km, 0 to 4000 (0: "compute from the PIN codes"; the simulator takes one day).</param>
/// <param name="TransMode">"1" road, "2" rail, "3" air, "4" ship, or null.</param>
/// <param name="TransId">Transporter's GSTIN or TRANSIN, or null.</param>
/// <param name="TransName">Transporter's name, or null.</param>
/// <param name="VehNo">Vehicle number, or null.</param>
/// <param name="VehType"><c>R</c> regular or <c>O</c> over-dimensional, or null.</param>
public sealed record EwayBillRequest(
    string Irn, int Distance, string? TransMode, string? TransId, string? TransName, string? VehNo, string? VehType);
