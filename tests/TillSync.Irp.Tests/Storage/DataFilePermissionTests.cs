// Proves the IRP simulator creates its data owner-only: the data dir 0700; irp.db, the -wal and -shm files SQLite adds
// later, and both key files 0600. A real `tillsync irp` process that registers an invoice.
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Storage;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // Unix file modes
public sealed class DataFilePermissionTests
{
    private static readonly string[] DataFiles = ["irp.db", "irp.db-wal", "irp.db-shm", "irp-signing-key.pem", "irp-signing-public.pem"];

    [Fact]
    public async Task Irp_AfterARegistration_DataIsOwnerOnly()
    {
        await using var irp = await IrpProcess.StartAsync();
        using (var client = irp.Client(Documents.Store.Gstin))
        {
            Assert.NotNull((await client.GenerateAsync(Documents.Invoice().Json)).Data);
        }

        OwnerOnlyAssert.Directory(irp.DataDir);
        OwnerOnlyAssert.Files([.. DataFiles.Select(f => Path.Combine(irp.DataDir, f))]);
    }
}
