// Backs up and restores a SQLite database the way an operator would with the process stopped: the main file and its
// -wal and -shm files together, replacing whatever the target directory held.
using TillSync.Storage;

namespace TillSync.Till.Tests.Harness;

/// <summary>File-level copies of <c>till.db</c> or <c>hq.db</c>.</summary>
public static class DatabaseFiles
{
    /// <summary>Replaces <paramref name="fileName"/>* in <paramref name="toDir"/> with those in <paramref name="fromDir"/>.
    /// No process may have the database open; this process's pooled connections to both files are closed first (only
    /// theirs: tests running alongside keep their own).</summary>
    public static void Copy(string fromDir, string toDir, string fileName)
    {
        new SqliteFile(fromDir, fileName).ClearPool();
        new SqliteFile(toDir, fileName).ClearPool();
        foreach (var stale in Directory.GetFiles(toDir, fileName + "*"))
        {
            File.Delete(stale);
        }

        foreach (var file in Directory.GetFiles(fromDir, fileName + "*"))
        {
            File.Copy(file, Path.Combine(toDir, Path.GetFileName(file)));
        }
    }
}
