// Temp directories for the processes under test: one root per run, removed after use, so that a failed run leaves
// nothing behind that a later run could trip over.
namespace TillSync.Browser.Tests.Harness;

/// <summary>Creates and deletes the data dirs of HQ and till processes.</summary>
public static class TempDirs
{
    /// <summary>A new empty directory under the system temp dir.</summary>
    public static string Create(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), "tillsync-browser-tests", $"{kind}-{Guid.CreateVersion7():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the directory; SQLite may still be releasing a file on a slow machine, so a failure is left to the OS.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS's temp cleaning.
        }
    }
}
