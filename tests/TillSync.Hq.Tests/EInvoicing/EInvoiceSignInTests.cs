// Proves HQ registers only through NIC's signed-in, encrypted flow against a real simulator process: an expired token
// is signed in again and the bill registers in the same attempt; a tampered answer is a lost answer (lookup, no second
// IRN); a wrong password is shown on the bill and on /readyz, and no secret reaches either process's log.
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Core.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class EInvoiceSignInTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task ExpiredToken_HqSignsInAgain_AndTheBillRegistersOnceInOneAttempt()
    {
        var till = await fixture.EnrolTillAsync();
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var first = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        await till.SyncAsync([first]);
        Assert.Equal("registered", Assert.Single(await fixture.SettledAsync(till.TillId, 1)).Status);

        // HQ's token now expires at the portal, though not by HQ's clock: the portal answers 1005.
        await irp.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        var second = till.Orders.Next([OrderFactory.Line("SOAP-125G", 2)], EInvoiceFixture.Buyer);
        await till.SyncAsync([second]);
        var bills = await fixture.SettledAsync(till.TillId, 2);

        var bill = bills.Single(b => b.ClientOrderId == second.ClientOrderId);
        Assert.Equal("registered", bill.Status);
        Assert.Equal(1, bill.Attempts);
        var date = DateOnly.FromDateTime(second.CreatedAt.DateTime);
        Assert.Equal(bill.AckNo, (await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, second.BillNo, date)).Data!.AckNo);
        Assert.Equal(1, RegistrationsOf(bill.Irn!));
        AssertNoSecretIn(fixture.Hq.Output(100_000), fixture.Irp.Output(100_000), fixture.Irp.Credentials);
    }

    [Fact]
    public async Task TamperedAnswer_IsALostAnswer_TheLookupAdoptsIt_AndThereIsOneIrn()
    {
        var till = await fixture.EnrolTillAsync();
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var order = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)], EInvoiceFixture.InterStateBuyer);
        var tamperedBefore = Tampered();
        await irp.SetFaultsAsync(0, 0, 0, tamperedReplyRate: 1);
        try
        {
            await till.SyncAsync([order]);
            await Eventually.UntilAsync(() => Task.FromResult(Tampered()), n => n > tamperedBefore, Patience.Exchanges,
                "the portal to garble an answer to HQ", fixture.Irp);
        }
        finally
        {
            await irp.SetFaultsAsync(0, 0, 0);
        }

        var bill = (await fixture.SettledAsync(till.TillId, 1)).Single();

        Assert.Equal("registered", bill.Status);
        Assert.True(bill.Attempts >= 2, $"{bill.Attempts} attempts");
        var date = DateOnly.FromDateTime(order.CreatedAt.DateTime);
        Assert.Equal(bill.AckNo, (await irp.GetByDocumentAsync(EInvoiceDocumentType.Invoice, order.BillNo, date)).Data!.AckNo);
        Assert.Equal(1, RegistrationsOf(bill.Irn!));
    }

    [Fact]
    public async Task WrongPassword_TheBillWaitsSayingWhy_ReadyzIsDegraded_AndNoSecretIsLogged()
    {
        var wrong = fixture.Irp.Credentials with { Password = "pw-wrong-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) };
        await using var hq = await HqProcess.StartAsync(fixture.Irp.Access with { Credentials = wrong });
        var bill = await OneB2BBillAsync(hq, b => b.LastError?.Contains(IrpErrorCodes.IncorrectPassword, StringComparison.Ordinal) == true,
            "the bill to say the portal refused HQ's password");
        using var manager = hq.CreateClient(hq.AdminToken);
        using var readyz = await manager.GetAsync(new Uri("/readyz", UriKind.Relative));
        var readiness = System.Text.Json.JsonSerializer.Deserialize(await readyz.Content.ReadAsStringAsync(), TillSyncJsonContext.Default.Readiness)!;

        Assert.Equal("pending", bill.Status);
        Assert.Contains("cannot sign in", bill.LastError, StringComparison.Ordinal);
        Assert.Equal("degraded", readiness.Status);
        var portal = readiness.Checks.Single(c => c.Name == "portal");
        Assert.Contains(IrpErrorCodes.IncorrectPassword, portal.Detail, StringComparison.Ordinal);
        Assert.Equal(0, RegistrationsOf(bill.Irn!));
        AssertNoSecretIn(hq.Output(100_000), fixture.Irp.Output(100_000), wrong);
    }

    [Fact]
    public async Task StoreGstinWithItsOwnApiUser_HqSignsInAsThatUser_AndTheBillRegisters()
    {
        var storeUser = new NicApiUser(HqScenario.StoreGstin, "API_HELLO_KA", "pw-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        var directory = TempDirectory.Reserve("hq-irp-users");
        var usersFile = IrpAccess.WriteUsersFile(directory, [storeUser]);
        try
        {
            await using var portal = await IrpProcess.StartAsync("--users-file", usersFile);
            await using var hq = await HqProcess.StartAsync(portal.Access with { UsersFile = usersFile });

            var bill = await OneB2BBillAsync(hq, b => b.Status == "registered", "the bill to register as the store GSTIN's own API user");

            Assert.NotNull(bill.AckNo);
            var log = portal.Output(100_000);
            Assert.Contains($"Signed in API_HELLO_KA for GSTIN {HqScenario.StoreGstin}", log, StringComparison.Ordinal);
            Assert.DoesNotContain($"Signed in {portal.Credentials.UserName} for GSTIN", log, StringComparison.Ordinal);
            AssertNoSecretIn(hq.Output(100_000), log, portal.Credentials);
            Assert.DoesNotContain(storeUser.Password, hq.Output(100_000) + log, StringComparison.Ordinal);
        }
        finally
        {
            await TempDirectory.DeleteAsync(directory);
        }
    }

    // A fresh HQ's store and till, one B2B sale synced, and its e-invoice once it is as the test waits for.
    private static async Task<EInvoiceView> OneB2BBillAsync(HqProcess hq, Func<EInvoiceView, bool> until, string what)
    {
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        var order = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        await till.SyncAsync([order]);
        using var manager = hq.CreateClient(hq.AdminToken);
        return await Eventually.UntilAsync(
            async () => await Responses.ExpectAsync(await manager.GetAsync(new Uri($"/api/v1/einvoices/{order.ClientOrderId}", UriKind.Relative)),
                HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoiceView, hq),
            until, Patience.Exchanges, what, hq);
    }

    private int Tampered() => Lines(fixture.Irp.Output(100_000)).Count(l => l.Contains("garbled the reply", StringComparison.Ordinal));

    private int RegistrationsOf(string irn) =>
        Lines(fixture.Irp.Output(100_000)).Count(l => l.Contains("Registered AckNo", StringComparison.Ordinal) && l.Contains(irn, StringComparison.Ordinal));

    private static string[] Lines(string output) => output.Split('\n');

    private static void AssertNoSecretIn(string hqLog, string irpLog, NicCredentials credentials)
    {
        foreach (var log in new[] { hqLog, irpLog })
        {
            Assert.DoesNotContain(credentials.Password, log, StringComparison.Ordinal);
            Assert.DoesNotContain(credentials.ClientSecret, log, StringComparison.Ordinal);
        }
    }
}
