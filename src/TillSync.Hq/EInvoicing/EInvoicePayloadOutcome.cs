namespace TillSync.Hq.EInvoicing;

/// <summary>What <see cref="EInvoicePayloadSource"/> made of a document: its payload to send, a problem that parks it for
/// a manager, or a reason to wait (a credit note whose original invoice is not registered yet). Exactly one is set.</summary>
/// <param name="PayloadJson">The NIC payload to send.</param>
/// <param name="Problem">Why the document cannot be sent until a manager acts.</param>
/// <param name="WaitReason">Why a credit note goes back to waiting for its original invoice.</param>
public sealed record EInvoicePayloadOutcome(string? PayloadJson, string? Problem, string? WaitReason)
{
    /// <summary>Send <paramref name="payloadJson"/>.</summary>
    public static EInvoicePayloadOutcome Send(string payloadJson) => new(payloadJson, null, null);

    /// <summary>Park for a manager with <paramref name="problem"/>.</summary>
    public static EInvoicePayloadOutcome Park(string problem) => new(null, problem, null);

    /// <summary>Wait for the original invoice; <paramref name="reason"/> says where it stands.</summary>
    public static EInvoicePayloadOutcome Wait(string reason) => new(null, null, reason);
}
