// Proves the simulator holds each API user to the GSTIN NIC made it for (--users-file), as the portal does, and that the
// client HQ uses signs in as each GSTIN's own user: against a real `tillsync irp` process.
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Authentication;

public sealed class GstinUserTests
{
    private static readonly string OtherGstin = Documents.OutOfStateBuyer.Gstin;

    [Fact]
    public async Task EachGstin_SignsInAsItsOwnUser_TheDefaultUserIsRefusedForIt_AndServesOtherGstins()
    {
        var storeUser = new NicApiUser(Documents.Store.Gstin, "API_STORE", "pw-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        var directory = TempDirectory.Reserve("irp-users");
        var usersFile = IrpAccess.WriteUsersFile(directory, [storeUser]);
        try
        {
            await using var irp = await IrpProcess.StartAsync("--users-file", usersFile);
            var withUsers = irp.Credentials with { GstinUsers = [storeUser] };
            using var asStore = irp.Client(Documents.Store.Gstin, credentials: withUsers);
            using var defaultForStore = irp.Client(Documents.Store.Gstin);
            using var asOther = irp.Client(OtherGstin, credentials: withUsers);
            var document = Documents.Invoice();

            var registered = await asStore.GenerateAsync(document.Json);
            await Assert.ThrowsAsync<HttpRequestException>(() => defaultForStore.GenerateAsync(Documents.Invoice().Json));
            var lookup = await asOther.GetByDocumentAsync(EInvoiceDocumentType.Invoice, "NO-SUCH-BILL", new DateOnly(2026, 12, 1));

            Assert.Equal(IrpStatus.Success, registered.Status);
            Assert.Equal(document.Irn, registered.Data!.Irn);
            Assert.Contains(IrpErrorCodes.InvalidGstinForUser, defaultForStore.CredentialProblem, StringComparison.Ordinal);
            Assert.Null(asOther.CredentialProblem);
            Assert.Equal(1, asOther.SignIns);
            Assert.NotEqual(IrpStatus.Success, lookup.Status);
            var log = await Eventually.UntilAsync(() => Task.FromResult(irp.Output(5_000)),
                l => l.Contains($"Signed in {irp.Credentials.UserName} for GSTIN {OtherGstin}", StringComparison.Ordinal), Patience.Exchanges,
                "the default user's sign-in for the other GSTIN in the log", irp);
            Assert.Contains($"Signed in API_STORE for GSTIN {Documents.Store.Gstin}", log, StringComparison.Ordinal);
            Assert.DoesNotContain($"Signed in {irp.Credentials.UserName} for GSTIN {Documents.Store.Gstin}", log, StringComparison.Ordinal);
            Assert.DoesNotContain(storeUser.Password, log, StringComparison.Ordinal);
        }
        finally
        {
            await TempDirectory.DeleteAsync(directory);
        }
    }

    [Fact]
    public async Task OneGstinsUserRefused_HoldsUpThatGstinOnly_AnotherGstinOfTheSameClientSignsIn()
    {
        var storeUser = new NicApiUser(Documents.Store.Gstin, "API_STORE", "pw-right");
        var directory = TempDirectory.Reserve("irp-users");
        var usersFile = IrpAccess.WriteUsersFile(directory, [storeUser]);
        try
        {
            await using var irp = await IrpProcess.StartAsync("--users-file", usersFile);
            var (key, problem) = NicCrypto.LoadPublicKey(await File.ReadAllTextAsync(irp.PublicKeyFile));
            using var portalKey = key ?? throw new InvalidOperationException(problem);
            using var session = new NicSessionHandler(irp.Credentials with { GstinUsers = [storeUser with { Password = "pw-wrong" }] }, portalKey, TimeProvider.System)
            {
                InnerHandler = new SocketsHttpHandler(),
            };
            using var http = new HttpClient(session) { BaseAddress = irp.BaseAddress, Timeout = Patience.Request };

            await Assert.ThrowsAsync<HttpRequestException>(() => LookUpAsync(http, Documents.Store.Gstin));
            using var other = await LookUpAsync(http, OtherGstin);

            Assert.Equal(System.Net.HttpStatusCode.OK, other.StatusCode);
            Assert.Contains(IrpErrorCodes.IncorrectPassword, session.CredentialProblemFor(Documents.Store.Gstin), StringComparison.Ordinal);
            Assert.Null(session.CredentialProblemFor(OtherGstin));
            Assert.StartsWith("API_STORE: ", session.CredentialProblem, StringComparison.Ordinal);
            Assert.Equal(1, session.SignIns);
        }
        finally
        {
            await TempDirectory.DeleteAsync(directory);
        }
    }

    private static async Task<HttpResponseMessage> LookUpAsync(HttpClient http, string gstin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, IrpPaths.IrnByDocument(EInvoiceDocumentType.Invoice, "NO-SUCH-BILL", new DateOnly(2026, 12, 1)));
        request.Headers.Add(IrpPaths.GstinHeader, gstin);
        return await http.SendAsync(request);
    }
}
