// Proves the simulator speaks NIC's authenticated flow against the real `tillsync irp` process: by hand on the wire
// (RSA sign-in, SEK under the AppKey, sealed Data both ways), and through the client HQ also uses: re-sign-in on 1005.
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Tests.Harness;
using TillSync.Testing;

namespace TillSync.Irp.Tests.Authentication;

public sealed class SignInTests(IrpFixture fixture) : IClassFixture<IrpFixture>
{
    private readonly IrpProcess irp = fixture.Irp;

    [Fact]
    public async Task Generate_ByHand_TravelsSealedBothWaysAndOpensWithTheSessionKey()
    {
        using var http = Raw();
        var (token, sek) = await SignInByHandAsync(http, irp.Credentials);
        var document = Documents.Invoice();

        using var request = Sealed(HttpMethod.Post, IrpPaths.GenerateIrn, token, Encoding.UTF8.GetBytes(document.Json), sek);
        using var response = await http.SendAsync(request);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IrpStatus.Success, envelope["Status"]!.GetValue<int>());
        // What travels back is a base64 string, not the registration's JSON; the session key opens it.
        var sealedData = envelope["Data"]!.GetValue<string>();
        Assert.DoesNotContain(document.Irn, sealedData, StringComparison.Ordinal);
        var data = NicCrypto.OpenJson(sek, sealedData)!;
        Assert.Equal(document.Irn, data["Irn"]!.GetValue<string>());
        Assert.Null(NicCrypto.OpenJson(RandomNumberGenerator.GetBytes(NicCrypto.KeyBytes), sealedData));
    }

    [Fact]
    public async Task Generate_PlainBodyWithAValidToken_IsRefusedAndRegistersNothing()
    {
        using var http = Raw();
        var (token, sek) = await SignInByHandAsync(http, irp.Credentials);
        var document = Documents.Invoice();

        using var request = Sealed(HttpMethod.Post, IrpPaths.GenerateIrn, token, null, sek);
        request.Content = new StringContent(document.Json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails);

        Assert.Equal(IrpStatus.Failure, answer!.Status);
        Assert.True(answer.HasError(IrpErrorCodes.SchemaValidation), answer.ErrorText(""));
        Assert.Contains("did not decrypt", answer.ErrorText(""), StringComparison.Ordinal);
        using var client = irp.Client(Documents.Store.Gstin);
        Assert.True((await client.GetByDocumentAsync(EInvoiceDocumentType.Invoice, document.Number, document.Date)).HasError(IrpErrorCodes.IrnNotFound));
    }

    [Fact]
    public async Task Call_WithoutAToken_Answers1005AndWithAWrongClientSecret1010()
    {
        using var http = Raw();
        using var noToken = Sealed(HttpMethod.Get, IrpPaths.IrnByIrn(new string('a', 64)), token: "", null, null);
        using var wrongSecret = Sealed(HttpMethod.Get, IrpPaths.IrnByIrn(new string('a', 64)), token: "", null, null);
        wrongSecret.Headers.Remove(IrpPaths.ClientSecretHeader);
        wrongSecret.Headers.Add(IrpPaths.ClientSecretHeader, "not-the-secret");

        using var first = await http.SendAsync(noToken);
        using var second = await http.SendAsync(wrongSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails))!.HasError(IrpErrorCodes.InvalidToken));
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails))!.HasError(IrpErrorCodes.InvalidClient));
    }

    [Fact]
    public async Task SignIn_WrongPassword_Answers1019_AndTheClientHoldsOffWithoutAskingAgain()
    {
        using var http = Raw();
        var wrong = irp.Credentials with { Password = "not-the-password" };
        using var client = irp.Client(Documents.Store.Gstin, credentials: wrong);

        var refusal = await SignInAsync(http, wrong, RandomNumberGenerator.GetBytes(NicCrypto.KeyBytes));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GenerateAsync(Documents.Invoice().Json));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GenerateAsync(Documents.Invoice().Json));
        await SignInAsync(http, wrong, RandomNumberGenerator.GetBytes(NicCrypto.KeyBytes));

        Assert.True(refusal.HasError(IrpErrorCodes.IncorrectPassword), refusal.ErrorText(""));
        Assert.Contains(IrpErrorCodes.IncorrectPassword, client.CredentialProblem, StringComparison.Ordinal);
        Assert.Equal(0, client.SignIns);
        // The log is written in order: once the last sign-in by hand shows, every earlier refusal has. Between the two
        // by hand, the client asked once: its second call did not ask the portal again.
        var refusals = await Eventually.UntilAsync(() => Task.FromResult(Refusals()), n => n >= 3, Patience.Exchanges, "three refused sign-ins in the log", irp);
        Assert.Equal(3, refusals);
        Assert.DoesNotContain("not-the-password", irp.Output(2_000), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_TheClientSignsInAgainOnce_AndTheCallSucceeds()
    {
        using var http = Raw();
        using var client = irp.Client(Documents.Store.Gstin);
        var (oldToken, oldSek) = await SignInByHandAsync(http, irp.Credentials);
        Assert.Equal(IrpStatus.Success, (await client.GenerateAsync(Documents.Invoice().Json)).Status);
        Assert.Equal(1, client.SignIns);

        await client.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        var document = Documents.Invoice();
        var after = await client.GenerateAsync(document.Json);

        Assert.Equal(IrpStatus.Success, after.Status);
        Assert.Equal(document.Irn, after.Data!.Irn);
        Assert.Equal(2, client.SignIns);
        using var stale = Sealed(HttpMethod.Get, IrpPaths.IrnByIrn(document.Irn), oldToken, null, oldSek);
        using var staleAnswer = await http.SendAsync(stale);
        Assert.True((await staleAnswer.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails))!.HasError(IrpErrorCodes.InvalidToken));
    }

    [Fact]
    public async Task TamperedReply_DoesNotOpen_AndTheRegistrationStandsOnce()
    {
        using var client = irp.Client(Documents.Store.Gstin);
        var document = Documents.Invoice();
        await client.SetFaultsAsync(0, 0, 0, tamperedReplyRate: 1);
        try
        {
            var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => client.GenerateAsync(document.Json));
            Assert.Contains("did not decrypt", thrown.Message, StringComparison.Ordinal);
        }
        finally
        {
            await client.SetFaultsAsync(0, 0, 0);
        }

        var found = await client.GetByDocumentAsync(EInvoiceDocumentType.Invoice, document.Number, document.Date);
        var again = await client.GenerateAsync(document.Json);

        Assert.Equal(document.Irn, found.Data!.Irn);
        Assert.True(again.HasError(IrpErrorCodes.DuplicateIrn));
        Assert.Equal(found.Data.AckNo, again.InfoDtls!.Single().Desc.AckNo);
    }

    [Fact]
    public async Task PlainMode_TakesPlainJsonWithoutSigningIn()
    {
        await using var plain = await IrpProcess.StartAsync("--plain");
        using var http = new HttpClient { BaseAddress = plain.BaseAddress, Timeout = Patience.Request };
        http.DefaultRequestHeaders.Add(IrpPaths.UserNameHeader, "anyone");
        http.DefaultRequestHeaders.Add(IrpPaths.GstinHeader, Documents.Store.Gstin);
        var document = Documents.Invoice();

        using var response = await http.PostAsync(IrpPaths.GenerateIrn, new StringContent(document.Json, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails);

        Assert.Equal(IrpStatus.Success, answer!.Status);
        Assert.Equal(document.Irn, answer.Data!.Irn);
    }

    private int Refusals() => irp.Output(2_000).Split('\n').Count(l => l.Contains("Refused the sign-in", StringComparison.Ordinal));

    private HttpClient Raw() => new() { BaseAddress = irp.BaseAddress, Timeout = Patience.Request };

    private async Task<(string Token, byte[] Sek)> SignInByHandAsync(HttpClient http, NicCredentials credentials)
    {
        var appKey = RandomNumberGenerator.GetBytes(NicCrypto.KeyBytes);
        var answer = await SignInAsync(http, credentials, appKey);
        Assert.Equal(IrpStatus.Success, answer.Status);
        return (answer.Data!.AuthToken, NicCrypto.Open(appKey, answer.Data.Sek)!);
    }

    private async Task<IrpResponse<AuthSession>> SignInAsync(HttpClient http, NicCredentials credentials, byte[] appKey)
    {
        var (key, problem) = NicCrypto.LoadPublicKey(await File.ReadAllTextAsync(irp.PublicKeyFile));
        using var portalKey = key ?? throw new InvalidOperationException(problem);
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new AuthRequest(credentials.UserName, credentials.Password, Convert.ToBase64String(appKey), false), IrpJsonContext.Default.AuthRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, IrpPaths.Auth)
        {
            Content = JsonContent.Create(new NicRequestBody(NicCrypto.EncryptForPortal(portalKey, payload)), IrpJsonContext.Default.NicRequestBody),
        };
        request.Headers.Add(IrpPaths.ClientIdHeader, credentials.ClientId);
        request.Headers.Add(IrpPaths.ClientSecretHeader, credentials.ClientSecret);
        request.Headers.Add(IrpPaths.GstinHeader, Documents.Store.Gstin);
        using var response = await http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseAuthSession))!;
    }

    private HttpRequestMessage Sealed(HttpMethod method, string path, string token, byte[]? body, byte[]? sek)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(IrpPaths.ClientIdHeader, irp.Credentials.ClientId);
        request.Headers.Add(IrpPaths.ClientSecretHeader, irp.Credentials.ClientSecret);
        request.Headers.Add(IrpPaths.UserNameHeader, irp.Credentials.UserName);
        request.Headers.Add(IrpPaths.GstinHeader, Documents.Store.Gstin);
        request.Headers.Add(IrpPaths.AuthTokenHeader, token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(new NicRequestBody(NicCrypto.Seal(sek!, body)), IrpJsonContext.Default.NicRequestBody);
        }

        return request;
    }
}
