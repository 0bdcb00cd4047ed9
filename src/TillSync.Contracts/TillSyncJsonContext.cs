using TillSync.Contracts.Accounting;
using System.Text.Json;
using System.Text.Json.Serialization;
using TillSync.Contracts.Audit;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Documents;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Gst;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sessions;
using TillSync.Contracts.Status;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;

namespace TillSync.Contracts;

/// <summary>Source-generated JSON for every wire type: camelCase, required constructor parameters and
/// nullable annotations enforced, so a missing or null required field fails deserialization with its path.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(SyncRequest))]
[JsonSerializable(typeof(Readiness))]
[JsonSerializable(typeof(TillRevocation))]
[JsonSerializable(typeof(TillTokenIssued))]
[JsonSerializable(typeof(TillReplacementRequest))]
[JsonSerializable(typeof(TillReplacementResult))]
[JsonSerializable(typeof(IReadOnlyList<TillGap>))]
[JsonSerializable(typeof(SyncResponse))]
[JsonSerializable(typeof(TillStatusReport))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(DocumentSyncRequest))]
[JsonSerializable(typeof(DocumentSyncResponse))]
[JsonSerializable(typeof(RelaySyncRequest))]
[JsonSerializable(typeof(RelaySyncResponse))]
[JsonSerializable(typeof(IReadOnlyList<DocumentChainDto>))]
[JsonSerializable(typeof(TillChainReport))]
[JsonSerializable(typeof(TillDocumentDto))]
[JsonSerializable(typeof(ReturnDto))]
[JsonSerializable(typeof(ShiftOpenDto))]
[JsonSerializable(typeof(CashMovementDto))]
[JsonSerializable(typeof(ShiftCloseDto))]
[JsonSerializable(typeof(ShiftExpectedDto))]
[JsonSerializable(typeof(IReadOnlyList<ShiftView>))]
[JsonSerializable(typeof(SalesBreakdown))]
[JsonSerializable(typeof(IReadOnlyList<DenominationCountDto>))]
[JsonSerializable(typeof(TillKeyRegistration))]
[JsonSerializable(typeof(TillPublicKey))]
[JsonSerializable(typeof(TillSaleLookup))]
[JsonSerializable(typeof(StoreDto))]
[JsonSerializable(typeof(StoreView))]
[JsonSerializable(typeof(IReadOnlyList<StoreView>))]
[JsonSerializable(typeof(IReadOnlyList<ProductDto>))]
[JsonSerializable(typeof(ProductPage))]
[JsonSerializable(typeof(ProductUpsertResult))]
[JsonSerializable(typeof(ProductImportRequest))]
[JsonSerializable(typeof(IReadOnlyList<ProductImportRowProblem>))]
[JsonSerializable(typeof(StockTransferRequest))]
[JsonSerializable(typeof(StockTransferView))]
[JsonSerializable(typeof(StockReceiptRequest))]
[JsonSerializable(typeof(StockReceiptView))]
[JsonSerializable(typeof(StockLevel))]
[JsonSerializable(typeof(TillEnrolmentRequest))]
[JsonSerializable(typeof(TillEnrolmentResult))]
[JsonSerializable(typeof(IReadOnlyList<TillView>))]
[JsonSerializable(typeof(TillSnapshot))]
[JsonSerializable(typeof(SnapshotChanges))]
[JsonSerializable(typeof(SnapshotSettings))]
[JsonSerializable(typeof(TillSync.Contracts.Pricing.RoleLimitDto))]
[JsonSerializable(typeof(IReadOnlyList<TillSync.Contracts.Pricing.RoleLimitDto>))]
[JsonSerializable(typeof(TillSync.Contracts.Pricing.PromotionDto))]
[JsonSerializable(typeof(TillSync.Contracts.Pricing.PromotionRequest))]
[JsonSerializable(typeof(TillSync.Contracts.Pricing.PromotionPage))]
[JsonSerializable(typeof(TillSync.Contracts.Pricing.PromotionReport))]
[JsonSerializable(typeof(TillSync.Contracts.Staff.StaffDto))]
[JsonSerializable(typeof(TillSync.Contracts.Staff.StaffView))]
[JsonSerializable(typeof(IReadOnlyList<TillSync.Contracts.Staff.StaffView>))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(TillSync.Contracts.Returns.CreditNoteView))]
[JsonSerializable(typeof(TillSync.Contracts.Returns.CreditNotePage))]
[JsonSerializable(typeof(TillSync.Contracts.Returns.StoreCreditVoucherView))]
[JsonSerializable(typeof(EInvoiceView))]
[JsonSerializable(typeof(EInvoicePage))]
[JsonSerializable(typeof(EInvoiceRetryRequest))]
[JsonSerializable(typeof(EInvoiceCancelRequest))]
[JsonSerializable(typeof(EwayBillCancelRequest))]
[JsonSerializable(typeof(EwayBillOrder))]
[JsonSerializable(typeof(EwayBillView))]
[JsonSerializable(typeof(TrialBalanceView))]
[JsonSerializable(typeof(GstSummaryView))]
[JsonSerializable(typeof(Gstr1Return))]
[JsonSerializable(typeof(Gstr1SummaryView))]
[JsonSerializable(typeof(DaySalesView))]
[JsonSerializable(typeof(LedgerCheckView))]
[JsonSerializable(typeof(JournalPage))]
[JsonSerializable(typeof(StockAdjustmentRequest))]
[JsonSerializable(typeof(StockAdjustmentView))]
[JsonSerializable(typeof(StockListPage))]
[JsonSerializable(typeof(StockMovementPage))]
[JsonSerializable(typeof(ReviewPage))]
[JsonSerializable(typeof(ReviewDetail))]
[JsonSerializable(typeof(ReviewResolutionRequest))]
[JsonSerializable(typeof(ReviewResolutionView))]
[JsonSerializable(typeof(TillUpdatesPage))]
[JsonSerializable(typeof(LoyaltySettingsDto))]
[JsonSerializable(typeof(LoyaltyCodeRequest))]
[JsonSerializable(typeof(LoyaltyCodeView))]
[JsonSerializable(typeof(RedemptionRequest))]
[JsonSerializable(typeof(RedemptionView))]
[JsonSerializable(typeof(LoyaltyBalance))]
[JsonSerializable(typeof(LoyaltyCustomerView))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(HqStatus))]
public sealed partial class TillSyncJsonContext : JsonSerializerContext;
