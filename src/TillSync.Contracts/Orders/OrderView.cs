using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Orders;

/// <summary>An order as HQ recorded it (<c>GET /api/v1/orders/{clientOrderId}</c>).</summary>
/// <param name="ClientOrderId">The till's id for the sale.</param>
/// <param name="TillId">The till that recorded it.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="TillSeq">The till's sequence number.</param>
/// <param name="HqSeq">HQ's commit sequence, increasing across all tills; the listing cursor.</param>
/// <param name="Status"><c>committed</c> or <c>rejected</c>.</param>
/// <param name="Reason">Why it was rejected; null when committed.</param>
/// <param name="Detail">A sentence explaining the rejection.</param>
/// <param name="Flags">Facts such as <c>stock_short</c>.</param>
/// <param name="CommittedAt">When HQ recorded it.</param>
/// <param name="Fingerprint">SHA-256 of the order's canonical business content, lowercase hex.</param>
/// <param name="Order">The order as the till sent it.</param>
/// <param name="EInvoiceStatus">For a committed order: <c>pending</c>, <c>registered</c>, <c>failed</c> or <c>cancelled</c> (a B2B bill's
/// e-invoice), or <c>not_applicable</c> (B2C). Null for a rejected order.</param>
/// <param name="Returns">The credit notes against this sale from every till (lookup by id only; null in listings).</param>
/// <param name="Returnable">Each line with its quantity returned and still returnable (lookup by id only; null in
/// listings and for a rejected order).</param>
/// <param name="Cashier">The name of the cashier the till logged in when it saved the sale, or <c>unknown cashier</c> for a
/// sale from a till before staff (<see cref="Staff.StaffRoles.UnknownCashier"/>).</param>
/// <param name="ApprovedBy">The name of the supervisor or manager whose PIN approved the sale's markdowns
/// (<c>Order.Approval</c>), <c>staff N</c> for an id HQ has no staff member for; null when the sale carries no approval.</param>
/// <param name="ProductNames">In one order's detail (<c>GET /api/v1/orders/{id}</c>): the catalogue's name today of each SKU
/// the sale's lines name (a sale carries SKUs, not names); a SKU no longer in the catalogue is absent. Null in listings.</param>
public sealed record OrderView(
    Guid ClientOrderId, long TillId, long StoreId, long TillSeq, long HqSeq, string Status, string? Reason,
    string? Detail, IReadOnlyList<string> Flags, DateTimeOffset CommittedAt, string Fingerprint, OrderDto Order, string? EInvoiceStatus = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<Returns.SaleReturn>? Returns = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<Returns.ReturnableLine>? Returnable = null,
    string? Cashier = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? ApprovedBy = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? ProductNames = null);

/// <summary>A page of orders (<c>GET /api/v1/orders</c>): in HQ commit order, or newest first with <c>sort=newest</c>.</summary>
/// <param name="Orders">Up to <c>limit</c> orders matching the filters, with <c>hqSeq</c> greater than <c>after</c> (commit
/// order) or less than <c>before</c> (newest first).</param>
/// <param name="NextAfter">In commit order, pass as <c>after</c> for the next page; null when this page is the last or the
/// listing is newest first.</param>
/// <param name="NextBefore">Newest first, pass as <c>before</c> for the next page; null when this page is the last or the
/// listing is in commit order.</param>
public sealed record OrderPage(
    IReadOnlyList<OrderView> Orders, long? NextAfter,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? NextBefore = null);
