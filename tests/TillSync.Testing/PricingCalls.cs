// The role limits endpoints as typed calls (issue 21), and the sales a cashier marks down or a supervisor approves,
// beside ManagerClient and TillClient so that pricing tests read as business steps.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Sync;

namespace TillSync.Testing;

/// <summary>Typed calls for role limits, and pricing of test sales.</summary>
public static class PricingCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>HQ's default limits (migration 0021): a cashier 10 % and no override, a supervisor 50 %, a manager all.</summary>
    public static IReadOnlyList<RoleLimitDto> Defaults { get; } =
    [
        new(StaffRoles.Cashier, 1_000, false), new(StaffRoles.Supervisor, 5_000, true), new(StaffRoles.Manager, 10_000, true),
    ];

    /// <summary><c>PUT /api/v1/role-limits</c> with <paramref name="json"/> as the body.</summary>
    public static async Task<HttpResponseMessage> PutRoleLimitsRawAsync(this ManagerClient manager, string json, string? idempotencyKey = null)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/role-limits")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary><c>PUT /api/v1/role-limits</c>, expecting 200 with the limits now in force.</summary>
    public static async Task<IReadOnlyList<RoleLimitDto>> PutRoleLimitsAsync(this ManagerClient manager, IReadOnlyList<RoleLimitDto> limits)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(
            await client.PutAsync("/api/v1/role-limits", JsonContent.Create(limits, Json.IReadOnlyListRoleLimitDto)),
            HttpStatusCode.OK, Json.IReadOnlyListRoleLimitDto, manager.Hq);
    }

    /// <summary><c>GET /api/v1/role-limits</c>.</summary>
    public static async Task<IReadOnlyList<RoleLimitDto>> GetRoleLimitsAsync(this ManagerClient manager)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/role-limits", UriKind.Relative)),
            HttpStatusCode.OK, Json.IReadOnlyListRoleLimitDto, manager.Hq);
    }

    /// <summary>The staff member of the seeded shop named <paramref name="staff"/>.</summary>
    public static async Task<StaffView> SeededAsync(this ManagerClient manager, StaffDto staff) =>
        (await manager.ListStaffAsync()).Single(s => s.Name == staff.Name);

    /// <summary>The next walk-in sale of <paramref name="till"/>: <paramref name="lines"/>, rung up by
    /// <paramref name="cashierId"/> from the snapshot of <paramref name="pricingVersion"/>, with <paramref name="approval"/>.</summary>
    public static OrderDto PricedSale(
        this TillClient till, IReadOnlyList<OrderLineDto> lines, long cashierId, long? pricingVersion, ApprovalDto? approval = null,
        DateTimeOffset? createdAt = null)
    {
        var seq = till.Orders.NextSeq++;
        return till.Orders.Build(seq, lines, createdAt: createdAt) with { CashierId = cashierId, PricingVersion = pricingVersion, Approval = approval };
    }
}
