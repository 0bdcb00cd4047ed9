namespace TillSync.Hq.EInvoicing;

/// <summary>The states of an e-invoice outbox row (docs/einvoice.md).</summary>
public static class EInvoiceStatuses
{
    /// <summary>Waiting to be registered, or being registered (a worker holds its lease).</summary>
    public const string Pending = "pending";

    /// <summary>The IRP acknowledged it: AckNo, AckDt and the signed invoice and QR are stored.</summary>
    public const string Registered = "registered";

    /// <summary>Parked for a manager: the payload or the IRP refused it; <c>last_error</c> says why.</summary>
    public const string Failed = "failed";

    /// <summary>A B2B credit note (<c>CRN</c>) whose original invoice is not registered yet: not sent, and not holding
    /// its till's later bills back; it becomes <see cref="Pending"/> once the invoice is settled.</summary>
    public const string Waiting = "waiting";

    /// <summary>Registered, then cancelled at the portal by a manager within 24 hours (<c>cancelled_at</c>,
    /// <c>cancel_reason</c>, <c>cancel_remark</c>): the bill is no tax invoice any more.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every status, for validating a filter.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Registered, Failed, Waiting, Cancelled];

    /// <summary>The statuses of a bill not (yet) registered: the ones the 30-day reporting limit can catch.</summary>
    public static IReadOnlyList<string> Unregistered { get; } = [Pending, Failed, Waiting];

    /// <summary><see cref="Unregistered"/> as an SQL list, for <c>status IN (…)</c>.</summary>
    public static string UnregisteredSql { get; } = string.Join(", ", Unregistered.Select(u => $"'{u}'"));
}
