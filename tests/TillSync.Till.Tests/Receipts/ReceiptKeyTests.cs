// Proves the till's receipt key: made once and kept owner-only in the data directory, the same key after a restart, a
// damaged key file set aside for a new key (the till keeps selling), and every receipt's code signed by it, holding the sale
// as sent, and small enough for a QR code an 80 mm receipt prints legibly. Real files, real ES256.
using QRCoder;
using TillSync.Core.Receipts;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Receipts;

public sealed class ReceiptKeyTests
{
    [Fact]
    public async Task LoadOrCreate_FirstStart_MakesAnOwnerOnlyKeyThatTheNextStartReads()
    {
        var dataDir = TempDirectory.Create("till-key");
        try
        {
            using var first = ReceiptKey.LoadOrCreate(dataDir);
            using var again = ReceiptKey.LoadOrCreate(dataDir);

            Assert.Equal(first.PublicKey, again.PublicKey);
            Assert.True(OperatingSystem.IsLinux(), "the till runs on Debian");
            if (OperatingSystem.IsLinux())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.FilePath));
            }
            Assert.DoesNotContain(Directory.GetFiles(dataDir), f => f.EndsWith(".new", StringComparison.Ordinal));
        }
        finally
        {
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task LoadOrCreate_DamagedKeyFile_IsSetAsideForANewKey()
    {
        var dataDir = TempDirectory.Create("till-key");
        try
        {
            string before;
            using (var key = ReceiptKey.LoadOrCreate(dataDir))
            {
                before = key.PublicKey;
            }

            var path = Path.Combine(dataDir, ReceiptKey.FileName);
            await File.WriteAllTextAsync(path, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
            using var replaced = ReceiptKey.LoadOrCreate(dataDir);

            Assert.NotEqual(before, replaced.PublicKey);
            Assert.Contains("AAAA", await File.ReadAllTextAsync(path + ".damaged"), StringComparison.Ordinal);
        }
        finally
        {
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task Sale_ReceiptCode_IsSignedByTheTillAndHoldsTheSaleAsSent()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipt = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2), new CartLine("SUGAR-LOOSE", 0.75m)], Testing.HqScenario.B2BIntraState));
        var sent = (await till.Outbox.NextBatchAsync(CancellationToken.None)).Single();
        var order = System.Text.Json.JsonSerializer.Deserialize(sent.Json, Contracts.TillSyncJsonContext.Default.TillDocumentDto)!.Sale!;

        var check = ReceiptCode.Read(receipt.ReceiptCode, id => id == 7 ? Convert.FromBase64String(till.Key.PublicKey) : null);

        Assert.Equal(ReceiptCodeStatus.Valid, check.Status);
        Assert.Equal(Payload(ReceiptCodes.Of(order, 7)), Payload(check.Sale!));
        Assert.Equal(receipt.ReceiptCode, (await till.Sales.ReceiptAsync(receipt.ClientOrderId, CancellationToken.None))!.ReceiptCode); // reprints the same code
    }

    [Fact]
    public async Task Sale_TooLargeForOneCode_PrintsNone()
    {
        await using var till = await LocalTill.CreateAsync();

        var receipt = await till.SellAsync(Carts.PaidInCash([.. Enumerable.Range(1, 60).Select(i => new CartLine("SUGAR-LOOSE", i / 1_000m))]));

        Assert.Null(receipt.ReceiptCode);
    }

    [Fact]
    public void QrCode_OfTheLongestCode_IsVersion30AtMost()
    {
        // Base64url text has lower case letters: a QR code holds it in byte mode, the least dense.
        var longest = ("TS1." + string.Concat(Enumerable.Repeat("aB3-_x", ReceiptCode.LengthMax)))[..ReceiptCode.LengthMax];
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(longest, QRCodeGenerator.ECCLevel.M);

        Assert.InRange(data.Version, 1, 30);
        Assert.Contains("<svg", ReceiptQrCode.Svg(longest), StringComparison.Ordinal);
    }

    private static string Payload(ReceiptCodeSale sale) => Convert.ToBase64String(ReceiptCode.Payload(sale));
}
