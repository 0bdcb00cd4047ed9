// Proves e-way bills by IRN against the real simulator: generated afterwards or with the IRN (EwbDtls), 12-digit
// increasing numbers, validity by distance, one per IRN, none for a cancelled IRN.
using System.Globalization;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.EwayBills;

public sealed class EwayBillTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task EwayBillByIrn_RegisteredInvoice_GetsANumberValidByDistance()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice(Documents.OutOfStateBuyer);
        await client.GenerateAsync(document.Json);

        var ewayBill = (await client.EwayBillAsync(document.Irn, distanceKm: 450)).Data!;
        var again = await client.EwayBillAsync(document.Irn);

        Assert.Equal(12, ewayBill.EwbNo.ToString(CultureInfo.InvariantCulture).Length);
        Assert.True(IrpTimes.TryParse(ewayBill.EwbDt, out var generatedAt));
        Assert.True(IrpTimes.TryParse(ewayBill.EwbValidTill, out var validTill));
        // 450 km is three days of 200 km, each ending at midnight after the day of generation.
        Assert.Equal(DateOnly.FromDateTime(generatedAt.DateTime).AddDays(3), DateOnly.FromDateTime(validTill.DateTime));
        Assert.Equal("23:59:59", validTill.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.Equal(ewayBill.EwbNo, (await client.GetByIrnAsync(document.Irn)).Data!.EwbNo);
        Assert.Equal(IrpErrorCodes.EwayBillExists, Assert.Single(again.ErrorDetails!).ErrorCode);
    }

    [Fact]
    public async Task Generate_WithEwbDtls_AnswersTheEwayBillWithTheIrn()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var first = Documents.Invoice(Documents.OutOfStateBuyer, new EInvoiceTransport(980, TransportMode.Road, "29AADCT9876L1ZB", "Deccan Transport Co", "KA01AB1234"));
        var second = Documents.Invoice(Documents.OutOfStateBuyer, new EInvoiceTransport(10, TransportMode.Road, null, null, "KA01AB9999"));

        var one = (await client.GenerateAsync(first.Json)).Data!;
        var two = (await client.GenerateAsync(second.Json)).Data!;

        Assert.NotNull(one.EwbNo);
        Assert.True(two.EwbNo > one.EwbNo, $"{two.EwbNo} after {one.EwbNo}");
        Assert.NotNull(one.EwbDt);
        Assert.True(IrpTimes.TryParse(one.EwbValidTill, out var validTill));
        Assert.True(IrpTimes.TryParse(one.AckDt, out var ackAt));
        Assert.Equal(DateOnly.FromDateTime(ackAt.DateTime).AddDays(5), DateOnly.FromDateTime(validTill.DateTime));
    }

    [Fact]
    public async Task EwayBillByIrn_CancelledOrUnknownIrn_IsRefused()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        await client.GenerateAsync(document.Json);
        Assert.Equal(IrpStatus.Success, (await client.CancelAsync(document.Irn)).Status);

        Assert.Equal(IrpErrorCodes.IrnNotActive, Assert.Single((await client.EwayBillAsync(document.Irn)).ErrorDetails!).ErrorCode);
        Assert.Equal(IrpErrorCodes.IrnNotFound, Assert.Single((await client.EwayBillAsync(Documents.Invoice().Irn)).ErrorDetails!).ErrorCode);
    }
}
