using System.Text.Json;
using System.Text.Json.Serialization;
using TillSync.Contracts.Tills;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;

namespace TillSync.Till.Web;

/// <summary>JSON of the till's local API (the cashier page's contract), source-generated like the wire contract and as
/// strict: a body naming a field twice is refused, as HQ refuses it, rather than read as whichever came last.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(SaleRequest))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(TillStatusView))]
[JsonSerializable(typeof(DemoLinkRequest))]
[JsonSerializable(typeof(List<SnapshotProduct>))]
[JsonSerializable(typeof(SnapshotProduct))]
[JsonSerializable(typeof(List<SaleSummary>))]
[JsonSerializable(typeof(List<DocumentSummary>))]
[JsonSerializable(typeof(OriginalReference))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(ExchangeRequest))]
[JsonSerializable(typeof(OriginalSale))]
[JsonSerializable(typeof(ReturnQuote))]
[JsonSerializable(typeof(CreditNote))]
[JsonSerializable(typeof(ExchangeOutcome))]
[JsonSerializable(typeof(List<AttentionItem>))]
[JsonSerializable(typeof(LoyaltyLookup))]
[JsonSerializable(typeof(TillSync.Till.Staff.LoginRequest))]
[JsonSerializable(typeof(TillSync.Till.Staff.UnlockRequest))]
[JsonSerializable(typeof(TillSync.Till.Staff.SessionView))]
[JsonSerializable(typeof(List<TillSync.Till.Staff.StaffListing>))]
[JsonSerializable(typeof(TillSync.Till.Staff.StaffListing))]
[JsonSerializable(typeof(TillSync.Till.Shifts.OpenShiftRequest))]
[JsonSerializable(typeof(TillSync.Till.Shifts.CashMovementRequest))]
[JsonSerializable(typeof(TillSync.Till.Shifts.CloseShiftRequest))]
[JsonSerializable(typeof(TillSync.Till.Shifts.ShiftState))]
[JsonSerializable(typeof(TillSync.Till.Shifts.CashMovementView))]
[JsonSerializable(typeof(TillSync.Till.Shifts.ShiftReport))]
[JsonSerializable(typeof(TillSync.Till.Parking.ParkRequest))]
[JsonSerializable(typeof(TillSync.Till.Parking.ParkedCart))]
[JsonSerializable(typeof(IReadOnlyList<TillSync.Till.Parking.ParkedCart>))]
public sealed partial class TillJsonContext : JsonSerializerContext;
