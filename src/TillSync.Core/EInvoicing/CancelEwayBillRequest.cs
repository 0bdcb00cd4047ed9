using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>Body of the e-way bill cancel (NIC's <c>CANEWB</c>), NIC's camelCase field names.</summary>
/// <param name="EwbNo">The 12-digit e-way bill number.</param>
/// <param name="CancelRsnCode">Reason: 1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others.</param>
/// <param name="CancelRmrk">Remark, 1 to 50 characters.</param>
public sealed record CancelEwayBillRequest(
    [property: JsonPropertyName("ewbNo")] long EwbNo,
    [property: JsonPropertyName("cancelRsnCode")] int CancelRsnCode,
    [property: JsonPropertyName("cancelRmrk")] string CancelRmrk);
