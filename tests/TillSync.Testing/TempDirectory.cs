// Temp directories for the SQLite files of HQ and tills under test: one per process under test, deleted afterwards,
// tolerating a file that SQLite is still releasing on a slow machine.
namespace TillSync.Testing;

/// <summary>Creates and removes throwaway directories under the system temp dir.</summary>
public static class TempDirectory
{
    /// <summary>A new empty directory <c>/tmp/tillsync-tests/&lt;kind&gt;/&lt;uuid&gt;</c>.</summary>
    public static string Create(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), "tillsync-tests", kind, Guid.CreateVersion7().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A path <c>/tmp/tillsync-tests/&lt;kind&gt;/&lt;uuid&gt;</c> that does not exist yet, for a process under test
    /// to create itself (as it would for an operator, owner-only).</summary>
    public static string Reserve(string kind)
    {
        var parent = Path.Combine(Path.GetTempPath(), "tillsync-tests", kind);
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, Guid.CreateVersion7().ToString("N"));
    }

    /// <summary>Deletes the directory; tries a few times, then leaves it to the OS.</summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
