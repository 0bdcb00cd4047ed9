namespace TillSync.Core;

/// <summary>Free text that people type and HQ or a till stores and shows again — customer and buyer names and addresses,
/// product names, notes, reasons. Control characters (C0, DEL, C1: escapes, NUL, backspace) are refused: they break
/// receipts, e-invoices, CSV and log lines, and hide what a text says. Single-line fields refuse line breaks too; a note
/// typed in a text area may keep them (and tabs). Format characters such as the zero-width joiner are kept: Indian
/// scripts need them.</summary>
public static class FreeText
{
    /// <summary>True when <paramref name="text"/> is null or holds no control character (line breaks and tabs allowed
    /// only with <paramref name="multiline"/>).</summary>
    public static bool IsPrintable(string? text, bool multiline = false) =>
        text is null || !text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));

    /// <summary>A sentence naming <paramref name="field"/> when <paramref name="text"/> (trimmed) is shorter than
    /// <paramref name="lengthMin"/> or longer than <paramref name="lengthMax"/> characters or holds a control character;
    /// null when it fits. A null <paramref name="text"/> fits only when <paramref name="lengthMin"/> is 0.</summary>
    public static string? Problem(string? text, string field, int lengthMin, int lengthMax, bool multiline = false) =>
        (text?.Trim().Length ?? 0) >= lengthMin && (text?.Length ?? 0) <= lengthMax && IsPrintable(text, multiline)
            ? null
            : $"{field} must be {(lengthMin == 0 ? "at most" : $"{lengthMin} to")} {lengthMax} printable characters ({(multiline ? "no control characters other than line breaks" : "no line breaks or other control characters")}).";
}
