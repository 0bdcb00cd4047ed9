// A client of the simulator's NIC paths and admin switches over real HTTP, signed in and encrypting as HQ does (the
// shared NicSessionHandler); every call returns the opened NIC envelope so the tests assert on Status, Data,
// ErrorDetails and InfoDtls as HQ's worker will.
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using TillSync.Core.EInvoicing;

namespace TillSync.Testing;

/// <summary>Calls one simulator as one GSTIN.</summary>
public sealed class IrpClient(Uri baseAddress, string gstin, TimeSpan timeout, IServerOutput server, NicCredentials credentials, string publicKeyFile)
    : IDisposable
{
    private readonly (HttpClient Http, NicSessionHandler Session) wire = Create(baseAddress, gstin, timeout, Session(credentials, publicKeyFile));

    /// <summary>How many times this client has signed in.</summary>
    public int SignIns => wire.Session.SignIns;

    /// <summary>Why the portal refused this client's sign-in, or null.</summary>
    public string? CredentialProblem => wire.Session.CredentialProblem;

    /// <summary>The caller's GSTIN.</summary>
    public string Gstin => gstin;

    /// <summary>The raw client, for calls the helpers do not cover.</summary>
    public HttpClient Http => wire.Http;

    /// <summary>POST generate IRN with <paramref name="payloadJson"/>.</summary>
    public Task<IrpResponse<IrnDetails>> GenerateAsync(string payloadJson) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, IrpPaths.GenerateIrn) { Content = Json(payloadJson) },
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails));

    /// <summary>GET by IRN.</summary>
    public Task<IrpResponse<IrnDetails>> GetByIrnAsync(string irn) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, IrpPaths.IrnByIrn(irn)),
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails));

    /// <summary>GET by document details.</summary>
    public Task<IrpResponse<IrnDetails>> GetByDocumentAsync(EInvoiceDocumentType type, string number, DateOnly date) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, IrpPaths.IrnByDocument(type, number, date)),
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseIrnDetails));

    /// <summary>POST cancel.</summary>
    public Task<IrpResponse<CancelledIrn>> CancelAsync(string irn, string reason = "2", string remark = "Data entry mistake") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, IrpPaths.CancelIrn)
            {
                Content = JsonContent.Create(new CancelIrnRequest(irn, reason, remark), IrpJsonContext.Default.CancelIrnRequest),
            },
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseCancelledIrn));

    /// <summary>POST e-way bill by IRN.</summary>
    public Task<IrpResponse<EwayBill>> EwayBillAsync(string irn, int distanceKm = 250) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, IrpPaths.EwayBillByIrn)
            {
                Content = JsonContent.Create(new EwayBillRequest(irn, distanceKm, "1", null, null, "KA01AB1234", "R"), IrpJsonContext.Default.EwayBillRequest),
            },
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseEwayBill));

    /// <summary>POST e-way bill cancel.</summary>
    public Task<IrpResponse<CancelledEwayBill>> CancelEwayBillAsync(long ewbNo, int reason = 2, string remark = "Order cancelled") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, IrpPaths.CancelEwayBill)
            {
                Content = JsonContent.Create(new CancelEwayBillRequest(ewbNo, reason, remark), IrpJsonContext.Default.CancelEwayBillRequest),
            },
            r => r.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseCancelledEwayBill));

    /// <summary>The published signing key.</summary>
    public async Task<(RsaJwk Jwk, RSA Key)> PublishedKeyAsync()
    {
        var set = await Http.GetFromJsonAsync(IrpPaths.Keys, IrpJsonContext.Default.JwkSet);
        var jwk = Assert.Single(set!.Keys);
        return (jwk, jwk.ToRsa());
    }

    /// <summary>PUT /admin/faults.</summary>
    public async Task SetFaultsAsync(int latencyMs, double failureRate, double commitThenTimeoutRate, double tamperedReplyRate = 0)
    {
        var body = $$"""{"latencyMs": {{latencyMs}}, "failureRate": {{Number(failureRate)}}, "commitThenTimeoutRate": {{Number(commitThenTimeoutRate)}}, "tamperedReplyRate": {{Number(tamperedReplyRate)}}}""";
        using var response = await Http.PutAsync("/admin/faults", Json(body));
        Assert.True(response.IsSuccessStatusCode, $"PUT /admin/faults: {(int)response.StatusCode}\n{server.Output(40)}");
    }

    /// <summary>POST /admin/clock/advance.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        var body = $$"""{"seconds": {{by.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";
        using var response = await Http.PostAsync("/admin/clock/advance", Json(body));
        Assert.True(response.IsSuccessStatusCode, $"POST /admin/clock/advance: {(int)response.StatusCode}\n{server.Output(40)}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        wire.Http.Dispose();
        wire.Session.Dispose();
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, Func<HttpResponseMessage, Task<T?>> read)
        where T : class
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK, $"{request.Method} {request.RequestUri}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{server.Output(40)}");
            return await read(response) ?? throw new InvalidOperationException("The IRP answered JSON null.");
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static NicSessionHandler Session(NicCredentials credentials, string publicKeyFile)
    {
        // Read when the client is made: the simulator writes the file at start, before any test makes a client.
        var (key, problem) = NicCrypto.LoadPublicKey(File.ReadAllText(publicKeyFile));
        return new NicSessionHandler(credentials, key ?? throw new InvalidOperationException(problem), TimeProvider.System)
        {
            // A new connection per client: a dropped reply must not poison a pooled connection another test uses.
            InnerHandler = new SocketsHttpHandler(),
        };
    }

    private static (HttpClient, NicSessionHandler) Create(Uri baseAddress, string gstin, TimeSpan timeout, NicSessionHandler session)
    {
        var client = new HttpClient(session, disposeHandler: false) { BaseAddress = baseAddress, Timeout = timeout };
        // The session handler adds user_name (the API user's), the client's headers and the token.
        client.DefaultRequestHeaders.Add("gstin", gstin);
        return (client, session);
    }
}
