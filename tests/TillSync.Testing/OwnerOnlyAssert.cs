// Asserts the Unix permissions of the data a process under test created: 0700 directories, 0600 files, so that no other
// user of the machine can read customers' phones, loyalty codes, token hashes or keys.
namespace TillSync.Testing;

/// <summary>Owner-only checks on files and directories.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public static class OwnerOnlyAssert
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Asserts <paramref name="path"/> is a directory with mode 0700.</summary>
    public static void Directory(string path)
    {
        Assert.True(System.IO.Directory.Exists(path), $"{path} does not exist");
        Assert.True(File.GetUnixFileMode(path) == DirectoryMode, $"{path} has mode {File.GetUnixFileMode(path)}, not 0700");
    }

    /// <summary>Asserts each of <paramref name="paths"/> exists with mode 0600.</summary>
    public static void Files(params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.True(File.Exists(path), $"{path} does not exist");
            Assert.True(File.GetUnixFileMode(path) == FileMode, $"{path} has mode {File.GetUnixFileMode(path)}, not 0600");
        }
    }
}
