namespace TillSync.Core.Chain;

/// <summary>The one place a <see cref="ChainBreakKind"/> becomes the code reports and answers carry.</summary>
public static class ChainBreaks
{
    /// <summary>The code of <paramref name="kind"/>: <c>missing</c>, <c>out_of_order</c>, <c>unchained</c>, <c>relinked</c>,
    /// <c>edited</c> or <c>bad_signature</c>.</summary>
    public static string Code(ChainBreakKind kind) => kind switch
    {
        ChainBreakKind.Missing => "missing",
        ChainBreakKind.OutOfOrder => "out_of_order",
        ChainBreakKind.Unchained => "unchained",
        ChainBreakKind.Relinked => "relinked",
        ChainBreakKind.Edited => "edited",
        ChainBreakKind.BadSignature => "bad_signature",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a chain break"),
    };
}
