using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TillSync.Irp.Web;

/// <summary>Reads the small JSON bodies of the admin endpoints; null when the body is not the expected JSON.</summary>
public static class AdminBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
