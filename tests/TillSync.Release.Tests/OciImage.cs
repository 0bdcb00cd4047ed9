// Reads an OCI image archive (oci-layout, index.json, blobs) into its config and layers, checking each blob's digest.
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace TillSync.Release.Tests;

/// <summary>An image's config and its layers (uncompressed tars), in order.</summary>
public sealed record OciImage(JsonNode Config, IReadOnlyList<byte[]> Layers)
{
    /// <summary>Reads the single image of <paramref name="archive"/>; fails when a blob does not match its digest.</summary>
    public static async Task<OciImage> ReadAsync(string archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using (var stream = File.OpenRead(archive))
        {
            foreach (var entry in Entries(stream))
            {
                files[entry.Name] = entry.Data;
            }
        }

        Assert.Equal("1.0.0", JsonNode.Parse(files["oci-layout"])!["imageLayoutVersion"]!.GetValue<string>());
        var index = JsonNode.Parse(files["index.json"])!;
        var manifest = JsonNode.Parse(Blob(files, index["manifests"]![0]!))!;
        var config = JsonNode.Parse(Blob(files, manifest["config"]!))!;
        return new OciImage(config, [.. manifest["layers"]!.AsArray().Select(l => Blob(files, l!))]);
    }

    /// <summary>The files, directories and links of a tar layer.</summary>
    public static IEnumerable<TarEntryData> Entries(byte[] layer) => Entries(new MemoryStream(layer));

    private static IEnumerable<TarEntryData> Entries(Stream tar)
    {
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            yield return new TarEntryData(entry.Name.TrimEnd('/'), entry.Uid, data.ToArray());
        }
    }

    private static byte[] Blob(Dictionary<string, byte[]> files, JsonNode descriptor)
    {
        var digest = descriptor["digest"]!.GetValue<string>();
        var blob = files["blobs/sha256/" + digest["sha256:".Length..]];
        Assert.Equal(digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob)));
        Assert.Equal(descriptor["size"]!.GetValue<long>(), blob.Length);
        return blob;
    }
}

/// <summary>One tar entry: its path (no trailing slash), owner and content.</summary>
public sealed record TarEntryData(string Name, int Uid, byte[] Data);
