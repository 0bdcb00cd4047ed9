using System.Security.Cryptography;
using TillSync.Storage;

namespace TillSync.Irp.Storage;

/// <summary>An RSA key pair kept in the data dir: generated on first start (the private half PKCS#8, owner-only,
/// written under a temporary name and renamed so that a crash never leaves half a key), reused on every later start,
/// with its public half (SubjectPublicKeyInfo PEM) written beside it for clients to be given.</summary>
public static class KeyFiles
{
    private const int KeyBits = 2048;

    /// <summary>The key in <paramref name="dataDirectory"/>/<paramref name="privateFileName"/>, created on first start,
    /// and the full path of its public half <paramref name="publicFileName"/>.</summary>
    public static (RSA Key, string PublicKeyPath) LoadOrCreate(string dataDirectory, string privateFileName, string publicFileName)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        var privatePath = Path.GetFullPath(Path.Combine(dataDirectory, privateFileName));
        var publicPath = Path.GetFullPath(Path.Combine(dataDirectory, publicFileName));
        var key = RSA.Create();
        if (File.Exists(privatePath))
        {
            key.ImportFromPem(File.ReadAllText(privatePath));
        }
        else
        {
            key.KeySize = KeyBits;
            WriteOwnerOnly(privatePath, key.ExportPkcs8PrivateKeyPem());
        }

        OwnerOnly.Narrow(privatePath);
        OwnerOnly.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return (key, publicPath);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FileMode;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(text);
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
    }
}
