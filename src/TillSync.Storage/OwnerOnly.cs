namespace TillSync.Storage;

/// <summary>Files and directories only their owner may read: the databases (customers' phones, GSTINs, loyalty codes in
/// the outbox, token hashes), keys and token files that HQ, the till and the IRP simulator create. On Unix a directory is
/// made 0700 and a file 0600 at creation — never created open and narrowed after — and a file that already exists is
/// narrowed to 0600. Windows keeps its inherited ACLs.</summary>
public static class OwnerOnly
{
    /// <summary>rwx for the owner.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // What SQLite may create beside a database file. It creates each with the database file's own permission bits,
    // so a database made 0600 before SQLite first opens it gets 0600 companions.
    private static readonly string[] SqliteCompanions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates <paramref name="path"/> (and missing parents) owner-only; an existing directory is left as it is,
    /// since the operator chose it and the files in it are owner-only anyway.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Makes the SQLite database <paramref name="databasePath"/> owner-only before SQLite opens it: creates it
    /// empty with 0600 when missing (SQLite takes an empty file as a new database), narrows it and any
    /// <c>-wal</c>/<c>-shm</c>/<c>-journal</c> beside it to 0600 when they exist (files of an older tillsync).</summary>
    public static void PrepareSqliteFile(string databasePath)
    {
        CreateFile(databasePath);
        foreach (var suffix in SqliteCompanions)
        {
            Narrow(databasePath + suffix);
        }
    }

    /// <summary>Creates <paramref name="path"/> empty and owner-only when missing; narrows it to owner-only when it exists.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            Narrow(path);
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, replacing it, owner-only from the first byte.</summary>
    public static void WriteAllText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
            Narrow(path);
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options);
        writer.Write(text);
    }

    /// <summary>Narrows an existing file to owner-only (<see cref="FileMode"/>); nothing when it does not exist.</summary>
    public static void Narrow(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
