using System.Text.Json;
using System.Text.RegularExpressions;

namespace TillSync.Contracts;

/// <summary>System.Text.Json's reasons for refusing a body, as a sentence for a client: the same reason with the .NET type
/// names (<c>System.Decimal</c>, <c>TillSync.Contracts.Sync.OrderDto</c>) replaced by what the JSON should have held. HQ
/// and the till both answer with it, so no client ever sees how either is built.</summary>
public static partial class JsonErrors
{
    private const string ObjectShape = "an object of the expected shape";

    /// <summary>Why <paramref name="error"/> refused the body, without its path and position (the caller adds those) and
    /// without a type name; no final period.</summary>
    public static string Reason(JsonException error)
    {
        var message = error.Message;
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = (path >= 0 ? message[..path] : message).Trim().TrimEnd('.');
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            // System.Text.Json names the field's type, or for a field read through a constructor sometimes the type
            // that holds it: only the first says what the value should have been.
            var expected = Expected(convert.Groups["type"].Value);
            return expected == ObjectShape ? "the value has the wrong type for this field" : $"the value is not {expected}";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"required properties are missing: {missing.Groups["names"].Value}";
        }

        if (Duplicate().Match(message) is { Success: true } duplicate)
        {
            return $"'{duplicate.Groups["name"].Value}' appears more than once; send each property once";
        }

        if (NullNotAllowed().Match(message) is { Success: true } nullValue)
        {
            return $"'{nullValue.Groups["name"].Value}' must not be null";
        }

        // Any other reason keeps its words, but never a type name.
        return TypeName().Replace(message, m => Expected(m.Value.Trim('\'')));
    }

    // What a .NET type is in JSON terms.
    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) =>
            Expected(typeName["System.Nullable`1[".Length..].TrimStart('[').Split(',', ']')[0]) + " or null",
        "System.String" or "System.Char" => "a string",
        "System.Boolean" => "true or false",
        "System.Guid" => "a UUID string",
        "System.DateTimeOffset" or "System.DateTime" or "System.DateOnly" => "a date string",
        "System.Decimal" or "System.Double" or "System.Single" or "System.Int16" or "System.Int32" or "System.Int64"
            or "System.UInt16" or "System.UInt32" or "System.UInt64" or "System.Byte" => "a number",
        _ when typeName.Contains("List`1", StringComparison.Ordinal) || typeName.Contains("Enumerable`1", StringComparison.Ordinal)
            || typeName.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when typeName.Contains("Dictionary`2", StringComparison.Ordinal) => "an object",
        _ => ObjectShape,
    };

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"^JSON deserialization for type '[^']+' was missing required properties including: (?<names>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^Duplicate property '(?<name>[^']+)' encountered", RegexOptions.CultureInvariant)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^The (constructor parameter|property or field) '(?<name>[^']+)' on type '[^']+' doesn't allow", RegexOptions.CultureInvariant)]
    private static partial Regex NullNotAllowed();

    // A namespace-qualified .NET type name, with generic arity and arguments, quoted or not.
    [GeneratedRegex(@"'?\b(System|TillSync|Microsoft)\.[A-Za-z0-9_.`]+(\[[^\s']*\])?'?", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
