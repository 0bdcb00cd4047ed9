// An IRP simulator process and an HQ process pointed at it (--irp-url) and signed in to it (NIC's encrypted flow), with the usual store, catalogue and stock:
// the e-invoice tests drive sales through HQ's sync API and read the outcome from HQ's manager API and the IRP.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Audit;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

/// <summary>A simulator and an HQ registering with it.</summary>
public sealed class EInvoiceFixture : IAsyncLifetime
{
    private IrpProcess? irp;
    private HqProcess? hq;

    /// <summary>A B2B buyer in the store's state with the address an e-invoice needs.</summary>
    public static CustomerDto Buyer { get; } = HqScenario.B2BIntraState with { Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001 };

    /// <summary>A B2B buyer in Maharashtra (IGST) with an address.</summary>
    public static CustomerDto InterStateBuyer { get; } =
        HqScenario.B2BInterState with { Address1 = "17 Linking Road", Location = "Mumbai", Pin = 400050 };

    public IrpProcess Irp => irp ?? throw new InvalidOperationException("The fixture has not started.");

    public HqProcess Hq => hq ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        irp = await IrpProcess.StartAsync();
        hq = await HqProcess.StartAsync(irp.Access);
        await HqScenario.SetUpAsync(hq);
    }

    public async Task DisposeAsync()
    {
        if (hq is not null)
        {
            await hq.DisposeAsync();
        }

        if (irp is not null)
        {
            await irp.DisposeAsync();
        }
    }

    public Task<TillClient> EnrolTillAsync() => HqScenario.EnrolTillAsync(Hq);

    /// <summary>GET /api/v1/einvoices?tillId=&amp;status=&amp;atRisk= as the manager.</summary>
    public async Task<IReadOnlyList<EInvoiceView>> ListAsync(long? tillId = null, string? status = null, bool atRisk = false)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        var query = string.Join('&', new[]
        {
            tillId is null ? null : $"tillId={tillId}", status is null ? null : $"status={status}", atRisk ? "atRisk=true" : null,
        }.OfType<string>());
        var page = await Responses.ExpectAsync(
            await client.GetAsync(new Uri($"/api/v1/einvoices?{query}", UriKind.Relative)), HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoicePage, Hq);
        return page.Items;
    }

    /// <summary>GET /api/v1/einvoices?{query} as the manager: one page.</summary>
    public async Task<EInvoicePage> PageAsync(string query)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        return await Responses.ExpectAsync(
            await client.GetAsync(new Uri($"/api/v1/einvoices?{query}", UriKind.Relative)), HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoicePage, Hq);
    }

    /// <summary>GET /api/v1/einvoices/{id}, or null on 404.</summary>
    public async Task<EInvoiceView?> FindAsync(Guid clientOrderId)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        using var response = await client.GetAsync(new Uri($"/api/v1/einvoices/{clientOrderId}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await Responses.ExpectAsync(response, HttpStatusCode.OK, TillSyncJsonContext.Default.EInvoiceView, Hq);
    }

    /// <summary>Waits until every bill of <paramref name="tillId"/> has left <c>pending</c> and returns them.</summary>
    public Task<IReadOnlyList<EInvoiceView>> SettledAsync(long tillId, int count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => ListAsync(tillId), bills => bills.Count == count && bills.All(b => b.Status != "pending"),
            timeout ?? Patience.Exchanges, $"{count} e-invoices of till {tillId} to be registered or parked", Hq);

    /// <summary>The audit log's entries of one action, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntryView>> AuditAsync(string action)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        return (await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/audit?action={action}", UriKind.Relative)),
            HttpStatusCode.OK, TillSyncJsonContext.Default.AuditPage, Hq)).Entries;
    }

    /// <summary>POST /api/v1/einvoices/{id}/retry with an optional body, and with <paramref name="idempotencyKey"/> or a
    /// new key.</summary>
    public async Task<HttpResponseMessage> RetryAsync(Guid clientOrderId, EInvoiceRetryRequest? fix, string? idempotencyKey = null)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{clientOrderId}/retry", UriKind.Relative))
        {
            Content = fix is null ? null : JsonContent.Create(fix, TillSyncJsonContext.Default.EInvoiceRetryRequest),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(idempotencyKey));
        }

        return await client.SendAsync(request);
    }

    /// <summary>POST /api/v1/einvoices/{id}/cancel with NIC's <paramref name="reason"/> code and <paramref name="remark"/>,
    /// under <paramref name="idempotencyKey"/> or a new key.</summary>
    public async Task<HttpResponseMessage> CancelAsync(Guid clientOrderId, string reason, string remark, string? idempotencyKey = null)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{clientOrderId}/cancel", UriKind.Relative))
        {
            Content = JsonContent.Create(new EInvoiceCancelRequest(reason, remark), TillSyncJsonContext.Default.EInvoiceCancelRequest),
        };
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(idempotencyKey ?? Guid.NewGuid().ToString("N")));
        return await client.SendAsync(request);
    }

    /// <summary>POST /api/v1/einvoices/{id}/eway-bill with <paramref name="order"/> under a new key.</summary>
    public async Task<HttpResponseMessage> RaiseEwayBillAsync(Guid clientOrderId, EwayBillOrder order)
    {
        using var client = Hq.CreateClient(Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{clientOrderId}/eway-bill", UriKind.Relative))
        {
            Content = JsonContent.Create(order, TillSyncJsonContext.Default.EwayBillOrder),
        };
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(Guid.NewGuid().ToString("N")));
        return await client.SendAsync(request);
    }

    /// <summary>POST /api/v1/einvoices/{id}/eway-bill/cancel with NIC's e-way bill <paramref name="reason"/> code and
    /// <paramref name="remark"/>, under <paramref name="idempotencyKey"/> or a new key, as <paramref name="token"/> or the admin.</summary>
    public async Task<HttpResponseMessage> CancelEwayBillAsync(
        Guid clientOrderId, string reason, string remark, string? idempotencyKey = null, string? token = null)
    {
        using var client = Hq.CreateClient(token ?? Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/einvoices/{clientOrderId}/eway-bill/cancel", UriKind.Relative))
        {
            Content = JsonContent.Create(new EwayBillCancelRequest(reason, remark), TillSyncJsonContext.Default.EwayBillCancelRequest),
        };
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(idempotencyKey ?? Guid.NewGuid().ToString("N")));
        return await client.SendAsync(request);
    }
}
