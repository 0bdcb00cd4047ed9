using System.Globalization;
using System.Text.RegularExpressions;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>E-way bills by IRN (docs/einvoice.md): before goods worth more than ₹50,000 move, a manager gives the transport
/// details and HQ asks the IRP for an e-way bill for the registered invoice. Asking again answers the active e-way bill
/// HQ already holds, so a resend after a lost answer never raises a second one; after a cancel, asking raises a fresh one.</summary>
public static partial class EwayBillEndpoint
{
    /// <summary>Consignments above this value need an e-way bill (₹50,000).</summary>
    public const long EwayBillThresholdPaise = 5_000_000;

    /// <summary>Maps <c>POST /api/v1/einvoices/{clientOrderId}/eway-bill</c> for managers.</summary>
    public static void MapEwayBillEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/einvoices/{clientOrderId}/eway-bill", RaiseAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<EwayBillOrder>("application/json").Produces<EwayBillView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(503);

    private static async Task<IResult> RaiseAsync(HttpContext http, HqDatabase database, TimeProvider time, [Microsoft.AspNetCore.Mvc.FromServices] IrpConnection? irp, string clientOrderId)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return Problems.BadRequest("clientOrderId must be a UUID.");
        }

        var (order, problem) = await JsonBody.ReadAsync(http.Request, TillSyncJsonContext.Default.EwayBillOrder, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (order is null)
        {
            return problem!;
        }

        if (Invalid(order) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var bill = await PendingEInvoices.FindAsync(connection, id.ToString("D"), http.RequestAborted);
        if (bill is null)
        {
            return Problems.NotFound($"HQ has no e-invoice for order {id}: it is unknown or not a B2B sale.");
        }

        // A cancelled e-way bill is followed by a fresh one, as NIC allows (an e-way bill with wrong details is cancelled and
        // generated afresh); only an active one is answered as held.
        if (bill.EwbNo is { } held && bill.EwbCancelledAt is null)
        {
            return TypedResults.Ok(new EwayBillView(id, bill.Irn, held, bill.EwbDate!, bill.EwbValidTill!));
        }

        if (bill.TotalPaise <= EwayBillThresholdPaise)
        {
            return Problems.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"Bill {bill.DocNo} is worth ₹{bill.TotalPaise / 100m:0.00}; an e-way bill is needed only above ₹50,000."));
        }

        if (bill.Status != EInvoiceStatuses.Registered || irp is null)
        {
            return Problems.Conflict(irp is null
                ? "HQ runs without an IRP (--irp-url); it cannot raise e-way bills."
                : $"The e-invoice of bill {bill.DocNo} is {bill.Status}; an e-way bill by IRN needs a registered invoice.");
        }

        var sellerGstin = await connection.Command("SELECT gstin FROM stores WHERE store_id = @store").With("@store", bill.StoreId)
            .ScalarAsync(http.RequestAborted) as string;
        var request = new EwayBillRequest(bill.Irn, order.DistanceKm, order.TransportMode, order.TransporterId, order.TransporterName,
            order.VehicleNo?.ToUpperInvariant(), order.VehicleNo is null ? null : "R");
        var answer = await irp.EwayBillAsync(sellerGstin!, request, http.RequestAborted);
        if (answer is null)
        {
            return Problems.Unavailable("The IRP did not answer; nothing is known to be raised. Send the same request again.");
        }

        var ewb = answer.Data;
        if (ewb is null && answer.HasError(IrpErrorCodes.EwayBillExists))
        {
            // Raised before, its answer lost: the registration carries it. An unanswered lookup leaves it unknown, not refused.
            var registration = await irp.GetByIrnAsync(sellerGstin!, bill.Irn, http.RequestAborted);
            if (registration is null)
            {
                return Problems.Unavailable("The IRP did not answer the lookup of the e-way bill it holds; nothing new is raised. Send the same request again.");
            }

            ewb = registration.Data is { EwbNo: { } no } details ? new EwayBill(no, details.EwbDt!, details.EwbValidTill!) : null;
        }

        if (ewb is null)
        {
            // The portal answered and said no: its decision, as a cancel's refusal is, not a gateway's failure.
            return Problems.Conflict($"The portal refused the e-way bill of bill {bill.DocNo}: {answer.ErrorText("no e-way bill in its answer")}.");
        }

        // The IRP was asked outside any transaction (a slow portal must not hold HQ's write lock); storing what it
        // answered is the write the Idempotency-Key guards.
        return await IdempotentWrites.RunAsync(http, database, time, async (writer, transaction) =>
        {
            var now = time.GetUtcNow();
            // The bill's row holds its current e-way bill; one it replaces (cancelled) stays named in the audit log.
            await writer.Command("""
                UPDATE einvoices SET ewb_no = @no, ewb_date = @date, ewb_valid_till = @till, ewb_cancelled_at = NULL, ewb_cancel_reason = NULL,
                    ewb_cancel_remark = NULL, updated_at = @now
                WHERE client_order_id = @id
                """, transaction).With("@no", ewb.EwbNo).With("@date", ewb.EwbDt).With("@till", ewb.EwbValidTill).With("@now", StoredTime.Text(now))
                .With("@id", id.ToString("D")).ExecuteAsync(http.RequestAborted);
            var replaces = bill.EwbNo is { } previous && previous != ewb.EwbNo
                ? string.Create(CultureInfo.InvariantCulture, $", replacing cancelled e-way bill {previous}")
                : "";
            await AuditLog.RecordAsync(writer, transaction, http.Caller().Name, "einvoice.eway_bill",
                string.Create(CultureInfo.InvariantCulture,
                    $"e-way bill {ewb.EwbNo} for bill {bill.DocNo} (IRN {bill.Irn}), {order.DistanceKm} km, vehicle {order.VehicleNo}{replaces}"),
                now, http.RequestAborted);
            return TypedResults.Ok(new EwayBillView(id, bill.Irn, ewb.EwbNo, ewb.EwbDt, ewb.EwbValidTill));
        });
    }

    private static string? Invalid(EwayBillOrder order)
    {
        if (order.DistanceKm is < 0 or > 4000)
        {
            return "distanceKm must be 0 to 4000.";
        }

        if (order.TransportMode is not ("1" or "2" or "3" or "4"))
        {
            return "transportMode must be 1 (road), 2 (rail), 3 (air) or 4 (ship).";
        }

        if (order.TransportMode == "1" && (order.VehicleNo is null || !VehicleNumber().IsMatch(order.VehicleNo)))
        {
            return "Road transport needs vehicleNo, the vehicle's registration such as KA01AB1234.";
        }

        return FreeText.Problem(order.TransporterName, "transporterName", 0, 100);
    }

    [GeneratedRegex("^[A-Za-z]{2}[0-9A-Za-z]{4,13}$")]
    private static partial Regex VehicleNumber();
}
