using System.Globalization;

namespace TillSync.Core.Tax;

/// <summary>GST state and union territory codes (01–38, and 97 "other territory").</summary>
public static class StateCodes
{
    /// <summary>True for a two-digit code GST assigns to a state or territory.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 2 } && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
        && int.Parse(code, CultureInfo.InvariantCulture) is (>= 1 and <= 38) or 97;
}
