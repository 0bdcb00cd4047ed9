namespace TillSync.Contracts.EInvoicing;

/// <summary>A manager's request for an e-way bill for a registered B2B invoice whose goods are about to move
/// (<c>POST /api/v1/einvoices/{clientOrderId}/eway-bill</c>). Needed when the consignment is worth more than ₹50,000.</summary>
/// <param name="DistanceKm">Approximate distance of the movement, 0 to 4000 km (0: the IRP's PIN-to-PIN distance).</param>
/// <param name="TransportMode">NIC's mode: 1 road, 2 rail, 3 air, 4 ship.</param>
/// <param name="VehicleNo">The vehicle's registration, for road transport, e.g. KA01AB1234.</param>
/// <param name="TransporterId">The transporter's GSTIN or enrolment id, when a transporter carries the goods.</param>
/// <param name="TransporterName">The transporter's name.</param>
public sealed record EwayBillOrder(int DistanceKm, string TransportMode = "1", string? VehicleNo = null, string? TransporterId = null,
    string? TransporterName = null);

/// <summary>An e-way bill HQ holds for an invoice.</summary>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="Irn">The invoice's IRN.</param>
/// <param name="EwbNo">The 12-digit e-way bill number.</param>
/// <param name="EwbDate">Generated at (IST, <c>yyyy-MM-dd HH:mm:ss</c>).</param>
/// <param name="EwbValidTill">Valid until (IST).</param>
public sealed record EwayBillView(Guid ClientOrderId, string Irn, long EwbNo, string EwbDate, string EwbValidTill);
