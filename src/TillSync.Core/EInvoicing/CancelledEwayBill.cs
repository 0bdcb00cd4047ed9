using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary><c>Data</c> of a cancelled e-way bill, NIC's camelCase field names.</summary>
/// <param name="EwayBillNo">The cancelled e-way bill's number.</param>
/// <param name="CancelDate">When, IST, <c>yyyy-MM-dd HH:mm:ss</c> (the simulator's one time format; NIC writes
/// <c>dd/MM/yyyy hh:mm:ss tt</c> here).</param>
public sealed record CancelledEwayBill(
    [property: JsonPropertyName("ewayBillNo")] long EwayBillNo,
    [property: JsonPropertyName("cancelDate")] string CancelDate);
