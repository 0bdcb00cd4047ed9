using System.Net;
using System.Security.Cryptography;
using System.Text;
using TillSync.Core.EInvoicing;

namespace TillSync.Hq.EInvoicing;

/// <summary>HQ's client of the IRP (NIC v1.03 paths, <see cref="IrpPaths"/>), signed in and encrypting through
/// <see cref="NicSessionHandler"/> (docs/decisions/0013-nic-handshake.md). Every call answers the NIC envelope, or
/// null when the outcome is unknown: a timeout, a dropped connection, an HTTP 5xx, an answer whose <c>Data</c> does not
/// decrypt, or no session (the sign-in was refused or lost) — for generate, the document may or may not have been
/// registered, so the caller must ask by document details before it sends again.</summary>
public sealed class IrpConnection(HttpClient http, NicSessionHandler? session = null) : IDisposable
{
    /// <summary>How long one IRP call may take before its outcome counts as unknown.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private RSA? _signingKey;

    /// <summary>A client of the IRP at <paramref name="baseAddress"/>, signing in as <paramref name="credentials"/> with
    /// the portal's <paramref name="portalPublicKey"/>.</summary>
    public static IrpConnection For(Uri baseAddress, NicCredentials credentials, RSA portalPublicKey, TimeProvider time)
    {
        var session = new NicSessionHandler(credentials, portalPublicKey, time)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return new IrpConnection(new HttpClient(session) { BaseAddress = baseAddress, Timeout = CallTimeout }, session);
    }

    /// <summary>Why the portal refused HQ's sign-in (its code and message; no secret), or null while sign-in works.</summary>
    public string? CredentialProblem => session?.CredentialProblem;

    /// <summary>Why the portal refused the sign-in as <paramref name="sellerGstin"/>'s API user, or null.</summary>
    public string? CredentialProblemFor(string sellerGstin) => session?.CredentialProblemFor(sellerGstin);

    /// <summary>The IRP's address, for messages.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>Registers <paramref name="payloadJson"/> as <paramref name="sellerGstin"/>.</summary>
    public Task<IrpResponse<IrnDetails>?> GenerateAsync(string sellerGstin, string payloadJson, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Post, IrpPaths.GenerateIrn)
        {
            Content = new StringContent(payloadJson, Encoding.UTF8, "application/json"),
        }, cancellationToken);

    /// <summary>The registration of a document, looked up by its details (2148 when there is none).</summary>
    public Task<IrpResponse<IrnDetails>?> GetByDocumentAsync(
        string sellerGstin, EInvoiceDocumentType type, string number, DateOnly date, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Get, IrpPaths.IrnByDocument(type, number, date)), cancellationToken);

    /// <summary>The registration holding <paramref name="irn"/>.</summary>
    public Task<IrpResponse<IrnDetails>?> GetByIrnAsync(string sellerGstin, string irn, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Get, IrpPaths.IrnByIrn(irn)), cancellationToken);

    /// <summary>Cancels the registered <paramref name="request"/>.Irn (NIC's reason code and remark).</summary>
    public Task<IrpResponse<CancelledIrn>?> CancelAsync(string sellerGstin, CancelIrnRequest request, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Post, IrpPaths.CancelIrn)
        {
            Content = JsonContent.Create(request, IrpJsonContext.Default.CancelIrnRequest),
        }, IrpJsonContext.Default.IrpResponseCancelledIrn, cancellationToken);

    /// <summary>Asks for an e-way bill for the registered invoice <c>request.Irn</c>.</summary>
    public Task<IrpResponse<EwayBill>?> EwayBillAsync(string sellerGstin, EwayBillRequest request, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Post, IrpPaths.EwayBillByIrn)
        {
            Content = JsonContent.Create(request, IrpJsonContext.Default.EwayBillRequest),
        }, IrpJsonContext.Default.IrpResponseEwayBill, cancellationToken);

    /// <summary>Cancels e-way bill <c>request.EwbNo</c> (NIC's e-way bill reason code and remark).</summary>
    public Task<IrpResponse<CancelledEwayBill>?> CancelEwayBillAsync(string sellerGstin, CancelEwayBillRequest request, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, new HttpRequestMessage(HttpMethod.Post, IrpPaths.CancelEwayBill)
        {
            Content = JsonContent.Create(request, IrpJsonContext.Default.CancelEwayBillRequest),
        }, IrpJsonContext.Default.IrpResponseCancelledEwayBill, cancellationToken);

    /// <summary>Null when the IRP answers its published keys within <paramref name="timeout"/>, else why not (for
    /// <c>/readyz</c>, which reports an unreachable portal as degraded: sales go on, e-invoices wait).</summary>
    public async Task<string?> UnreachableAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(IrpPaths.Keys, deadline.Token);
            return response.IsSuccessStatusCode ? null : $"the portal answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"the portal cannot be reached: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the portal did not answer within {timeout.TotalSeconds:0} s";
        }
    }

    /// <summary>The signed <c>data</c> of a signed invoice when it verifies with the IRP's published key, else null.
    /// The key is fetched once; null is also the answer while the key cannot be fetched.</summary>
    public async Task<string?> VerifiedInvoiceDataAsync(string signedInvoice, CancellationToken cancellationToken)
    {
        if (_signingKey is null)
        {
            var keys = await http.GetFromJsonAsync(IrpPaths.Keys, IrpJsonContext.Default.JwkSet, cancellationToken);
            if (keys is not { Keys.Count: 1 })
            {
                return null;
            }

            _signingKey = keys.Keys[0].ToRsa();
        }

        return IrpSignatures.VerifiedData(signedInvoice, _signingKey);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _signingKey?.Dispose();
        http.Dispose();
    }

    private Task<IrpResponse<IrnDetails>?> SendAsync(string sellerGstin, HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(sellerGstin, request, IrpJsonContext.Default.IrpResponseIrnDetails, cancellationToken);

    private async Task<IrpResponse<TData>?> SendAsync<TData>(
        string sellerGstin, HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<IrpResponse<TData>> type,
        CancellationToken cancellationToken)
        where TData : class
    {
        using (request)
        {
            // The session handler adds user_name, the client's headers and the token.
            request.Headers.Add(IrpPaths.GstinHeader, sellerGstin);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    return null;
                }

                // NIC answers business errors with HTTP 200 and Status 0, header errors with 401 and the same envelope.
                return await response.Content.ReadFromJsonAsync(type, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return null;
            }
            catch (System.Text.Json.JsonException)
            {
                // A proxy's error page or a truncated body: nothing says what happened.
                return null;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout.
                return null;
            }
        }
    }
}
