using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TillSync.Core;
using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Web;

/// <summary>Reads a NIC request body (at most <see cref="Limits.RequestBodyBytesMax"/>) as bytes; a body that is too
/// large or not JSON is answered with error 2140, as NIC answers a malformed request.</summary>
public static class NicBody
{
    /// <summary>The parsed body, or the reply to send instead.</summary>
    public static async Task<(JsonDocument? Json, byte[] Bytes, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, [], IrpReplies.Error(IrpErrorCodes.SchemaValidation,
                $"The request body is over {Limits.RequestBodyBytesMax} bytes", StatusCodes.Status413PayloadTooLarge));
        }

        var bytes = buffer.ToArray();
        try
        {
            var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return (json, bytes, null);
            }

            json.Dispose();
            return (null, bytes, IrpReplies.Error(IrpErrorCodes.SchemaValidation, "The request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return (null, bytes, IrpReplies.Error(IrpErrorCodes.SchemaValidation, $"The request body is not JSON: {e.Message}"));
        }
    }

    /// <summary>For the small NIC requests (cancel, e-way bill): the caller's GSTIN and the body as
    /// <typeparamref name="T"/> (null when it does not fit <typeparamref name="T"/>), or the reply to send instead.</summary>
    public static async Task<(string? Gstin, T? Request, IResult? Refusal)> ReadRequestAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var (gstin, refusal) = IrpCaller.Identify(request);
        if (refusal is not null)
        {
            return (null, null, refusal);
        }

        var (json, _, bodyRefusal) = await ReadAsync(request, cancellationToken);
        if (bodyRefusal is not null)
        {
            return (null, null, bodyRefusal);
        }

        using (json)
        {
            try
            {
                return (gstin, json!.RootElement.Deserialize(typeInfo), null);
            }
            catch (JsonException)
            {
                return (gstin, null, null);
            }
        }
    }
}
