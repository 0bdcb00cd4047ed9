using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Core.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Orders;
using TillSync.Irp.Invoices;
using static TillSync.Simulation.Invariants.SimulationInvariants;

namespace TillSync.Simulation.Invariants;

/// <summary>The invariants of e-invoicing (docs/einvoice.md), checked over HQ's outbox, the portal's registry, the requests
/// that reached the portal and what each till heard. "In the till's order" is what HQ's worker promises: a till's pending
/// documents go one at a time, lowest tillSeq first, so its invoices are registered in tillSeq order; a credit note waits
/// for its original invoice (and meanwhile does not hold its till back), so it is registered after that invoice, not
/// necessarily before its till's later bills.</summary>
public static class EInvoiceInvariants
{
    private static readonly string Invoice = DocumentTypes.Code(EInvoiceDocumentType.Invoice);
    private static readonly string CreditNote = DocumentTypes.Code(EInvoiceDocumentType.CreditNote);

    /// <summary>Every invariant of e-invoicing, in report order.</summary>
    public static IReadOnlyList<InvariantCheck> All { get; } =
    [
        new("einvoice_once", "every committed B2B sale and return has one e-invoice at HQ and one registration at the portal, under the IRN its till "
            + "printed (HQ's IRN and AckNo are the portal's); once the portal holds a document HQ never sends it again (a 2150 answers only the "
            + "network's own second copy of a request); the portal holds nothing else, and no B2C document ever reaches it", Once),
        new("einvoice_order", "per till, its invoices are registered in tillSeq order (AckNo rises with tillSeq); every credit note is registered "
            + "after its original invoice, naming that invoice's number and date", Order),
        new("einvoice_settled", "once faults heal, every B2B invoice is registered or cancelled by the manager, and every credit note registered or "
            + "parked because its invoice was cancelled; HQ's status is the portal's (registered = ACT, cancelled = CNL, else none), and every "
            + "cancellation came within 24 hours of its AckDt", Settled),
        new("einvoice_at_till", "each till has heard HQ's registration (IRN and AckNo) of every document of its that the portal registered", AtTill),
        .. EwayBillInvariants.All,
    ];

    private static (bool, string) Once(RunFacts facts)
    {
        var einvoices = facts.EInvoices;
        var expected = B2BDocuments(facts);
        var rows = einvoices.Hq.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.ToList());
        var offenders = new List<string>();
        foreach (var (id, document) in expected)
        {
            if (Mismatch(document, rows.GetValueOrDefault(id) ?? []) is { } mismatch)
            {
                offenders.Add($"{document.Type} {document.Number}: {mismatch}");
            }
        }

        offenders.AddRange(rows.Where(r => !expected.ContainsKey(r.Key)).Select(r => $"{r.Value[0].DocType} {r.Value[0].DocNo}: an e-invoice at HQ for no committed B2B document"));
        var portal = einvoices.Portal.ToDictionary(p => p.Irn, StringComparer.Ordinal);
        offenders.AddRange(einvoices.Hq.Where(r => r.AckNo is not null && portal.GetValueOrDefault(r.Irn)?.AckNo != r.AckNo)
            .Select(r => $"{r.DocType} {r.DocNo}: HQ holds AckNo {r.AckNo}, the portal {portal.GetValueOrDefault(r.Irn)?.AckNo.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"));
        var hqIrns = einvoices.Hq.Select(r => r.Irn).ToHashSet(StringComparer.Ordinal);
        offenders.AddRange(einvoices.Portal.Where(p => !hqIrns.Contains(p.Irn)).Select(p => $"{p.DocType} {p.DocNo}: registered at the portal (AckNo {p.AckNo}) but no B2B document HQ holds"));
        var b2bNumbers = einvoices.Hq.Select(r => Key(r.DocType, r.DocNo)).ToHashSet(StringComparer.Ordinal);
        offenders.AddRange(einvoices.Calls.Where(c => !b2bNumbers.Contains(Key(c.DocType, c.DocNo))).Select(c => $"{c.DocType} {c.DocNo}: sent to the portal, but no B2B document"));
        offenders.AddRange(einvoices.Calls.Where(c => !c.FromWire && IsDuplicate(c)).Select(c => $"{c.DocType} {c.DocNo}: sent to the portal again after it was registered (2150)"));
        var wireCopies = einvoices.Calls.Count(c => c.FromWire && IsDuplicate(c));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{expected.Values.Count(d => d.Type == Invoice)} B2B invoices and {expected.Values.Count(d => d.Type == CreditNote)} credit notes, {einvoices.Portal.Count} registered once each under their tills' IRNs; "
            + $"{wireCopies} of the network's second copies answered 2150; {einvoices.Calls.Count(c => !c.FromWire)} registration requests, none for a B2C document"),
            "e-invoices not registered exactly once");
    }

    // What is wrong with HQ's e-invoices of one document, or null.
    private static string? Mismatch((string Type, string Number, string? PrintedIrn) document, List<HqEInvoice> found) => found switch
    {
        [] => "no e-invoice at HQ",
        [_, _, ..] => string.Create(CultureInfo.InvariantCulture, $"{found.Count} e-invoices at HQ"),
        [var row] when row.DocType != document.Type || row.DocNo != document.Number => $"HQ holds it as {row.DocType} {row.DocNo}",
        [var row] when document.PrintedIrn is null || row.Irn != document.PrintedIrn => $"HQ's IRN {Short(row.Irn)}, the till printed {Short(document.PrintedIrn)}",
        _ => null,
    };

    private static (bool, string) Order(RunFacts facts)
    {
        var einvoices = facts.EInvoices;
        var portal = einvoices.Portal.ToDictionary(p => p.Irn, StringComparer.Ordinal);
        var offenders = new List<string>();
        var invoices = einvoices.Hq.Where(r => r.DocType == Invoice && portal.ContainsKey(r.Irn)).ToList();
        foreach (var till in invoices.GroupBy(r => r.TillId))
        {
            var inSeq = till.OrderBy(r => r.TillSeq).ToList();
            offenders.AddRange(inSeq.Zip(inSeq.Skip(1)).Where(p => portal[p.Second.Irn].AckNo < portal[p.First.Irn].AckNo)
                .Select(p => $"till {till.Key}: {p.Second.DocNo} (tillSeq {p.Second.TillSeq}) registered before {p.First.DocNo} (tillSeq {p.First.TillSeq})"));
        }

        var invoiceByNumber = invoices.ToDictionary(r => r.DocNo, StringComparer.Ordinal);
        var notes = einvoices.Hq.Where(r => r.DocType == CreditNote && portal.ContainsKey(r.Irn)).ToList();
        foreach (var note in notes)
        {
            var held = portal[note.Irn];
            var original = note.OriginalDocNo is null ? null : invoiceByNumber.GetValueOrDefault(note.OriginalDocNo);
            if (held.PrecedingDocNo != note.OriginalDocNo || held.PrecedingDocDate != note.OriginalDocDate)
            {
                offenders.Add($"{note.DocNo}: names {held.PrecedingDocNo} of {held.PrecedingDocDate} at the portal, its original is {note.OriginalDocNo} of {note.OriginalDocDate}");
            }
            else if (original is null || portal[original.Irn].AckNo > held.AckNo)
            {
                offenders.Add($"{note.DocNo}: registered before its invoice {note.OriginalDocNo}");
            }
        }

        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{invoices.Count} invoices in tillSeq order on {invoices.Select(r => r.TillId).Distinct().Count()} tills; {notes.Count} credit notes after their invoices"),
            "registered out of order");
    }

    private static (bool, string) Settled(RunFacts facts)
    {
        var einvoices = facts.EInvoices;
        var portal = einvoices.Portal.ToDictionary(p => p.Irn, StringComparer.Ordinal);
        var invoiceStatus = einvoices.Hq.Where(r => r.DocType == Invoice).ToDictionary(r => r.DocNo, r => r.Status, StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var row in einvoices.Hq)
        {
            var parkedForCancelledInvoice = row.DocType == CreditNote && row.Status == EInvoiceStatuses.Failed
                && invoiceStatus.GetValueOrDefault(row.OriginalDocNo ?? "") == EInvoiceStatuses.Cancelled;
            if (row.Status is not (EInvoiceStatuses.Registered or EInvoiceStatuses.Cancelled) && !parkedForCancelledInvoice)
            {
                offenders.Add($"{row.DocType} {row.DocNo}: {row.Status} ({row.LastError})");
            }

            var expectedAtPortal = row.Status switch
            {
                EInvoiceStatuses.Registered => IrnDetails.Active,
                EInvoiceStatuses.Cancelled => IrnDetails.Cancelled,
                _ => null,
            };
            if (portal.GetValueOrDefault(row.Irn)?.Status != expectedAtPortal)
            {
                offenders.Add($"{row.DocType} {row.DocNo}: {row.Status} at HQ, {portal.GetValueOrDefault(row.Irn)?.Status ?? "nothing"} at the portal");
            }
        }

        offenders.AddRange(einvoices.Portal.Where(p => p.CancelledAt is { } at && at - p.AckAt > InvoiceRegistry.CancelWindow)
            .Select(p => $"{p.DocNo}: cancelled {(p.CancelledAt!.Value - p.AckAt).TotalHours:0.0} h after its AckDt"));
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture,
            $"{einvoices.Hq.Count(r => r.Status == EInvoiceStatuses.Registered)} registered, {einvoices.Hq.Count(r => r.Status == EInvoiceStatuses.Cancelled)} cancelled within 24 hours, "
            + $"{einvoices.Hq.Count(r => r.Status == EInvoiceStatuses.Failed)} credit notes parked for a cancelled invoice; HQ agrees with the portal"),
            "e-invoices unsettled or not as the portal holds them");
    }

    private static (bool, string) AtTill(RunFacts facts)
    {
        var tills = facts.Tills.ToDictionary(t => t.TillId);
        var registered = facts.EInvoices.Hq.Where(r => r.AckNo is not null).ToList();
        var offenders = registered
            .Where(r => tills.GetValueOrDefault(r.TillId)?.HeardIrns.GetValueOrDefault(r.DocumentId) != (r.Irn, r.AckNo!.Value.ToString(CultureInfo.InvariantCulture)))
            .Select(r => $"{r.DocType} {r.DocNo}: the till holds {tills.GetValueOrDefault(r.TillId)?.HeardIrns.GetValueOrDefault(r.DocumentId).AckNo ?? "no registration"}, HQ AckNo {r.AckNo}");
        return Outcome(offenders, string.Create(CultureInfo.InvariantCulture, $"every till heard the registrations of its {registered.Count} registered documents"),
            "registrations a till never heard of");
    }

    // Every committed B2B sale (an invoice) and return (a credit note), by document id, with the IRN its till printed.
    private static Dictionary<Guid, (string Type, string Number, string? PrintedIrn)> B2BDocuments(RunFacts facts)
    {
        var printed = facts.Tills.SelectMany(t => t.Sales.Select(s => (s.ClientOrderId, s.Order.Irn)).Concat(t.Returns.Select(r => (Id: r.DocumentId, r.Return.Irn))))
            .ToDictionary(p => p.Item1, p => p.Item2);
        var documents = new Dictionary<Guid, (string, string, string?)>();
        foreach (var order in facts.HqOrders.Where(o => o.Status == OrderStatuses.Committed))
        {
            if (JsonSerializer.Deserialize(order.BodyJson, TillSyncJsonContext.Default.OrderDto)!.Customer?.Gstin is not null)
            {
                documents[order.ClientOrderId] = (Invoice, order.BillNo, printed.GetValueOrDefault(order.ClientOrderId));
            }
        }

        foreach (var note in facts.Money.Returns)
        {
            if (JsonSerializer.Deserialize(note.BodyJson, TillSyncJsonContext.Default.ReturnDto)!.Customer?.Gstin is not null)
            {
                documents[note.DocumentId] = (CreditNote, note.CreditNoteNo, printed.GetValueOrDefault(note.DocumentId));
            }
        }

        return documents;
    }

    private static bool IsDuplicate(EInvoicing.RegisterCall call) => call.ErrorCodes.Split(',').Contains(IrpErrorCodes.DuplicateIrn, StringComparer.Ordinal);

    // The portal's identity of a document is its IRN, in which the number is upper-cased.
    private static string Key(string type, string number) => $"{type} {number.ToUpperInvariant()}";

    private static string Short(string? irn) => irn is null ? "none" : $"{irn[..Math.Min(12, irn.Length)]}…";
}
