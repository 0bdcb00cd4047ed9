namespace TillSync.Core;

/// <summary>Free text that people type and HQ or a till stores and shows again — customer and buyer names and addresses,
/// product names, notes, reasons. Control characters (C0, DEL, C1: line breaks, escapes, NUL) are refused: they break
/// receipts, e-invoices, CSV and log lines, and no name needs them. Format characters such as the zero-width joiner are
/// kept: Indian scripts need them.</summary>
public static class FreeText
{
    /// <summary>True when <paramref name="text"/> is null or holds no control character.</summary>
    public static bool IsPrintable(string? text) => text is null || !text.Any(char.IsControl);

    /// <summary>A sentence naming <paramref name="field"/> when <paramref name="text"/> (trimmed) is shorter than
    /// <paramref name="lengthMin"/> or longer than <paramref name="lengthMax"/> characters or holds a control character;
    /// null when it fits. A null <paramref name="text"/> fits only when <paramref name="lengthMin"/> is 0.</summary>
    public static string? Problem(string? text, string field, int lengthMin, int lengthMax) =>
        (text?.Trim().Length ?? 0) >= lengthMin && (text?.Length ?? 0) <= lengthMax && IsPrintable(text)
            ? null
            : lengthMin == 0
                ? $"{field} must be at most {lengthMax} printable characters (no line breaks or other control characters)."
                : $"{field} must be {lengthMin} to {lengthMax} printable characters (no line breaks or other control characters).";
}
