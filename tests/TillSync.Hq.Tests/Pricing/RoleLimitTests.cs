// Proves a manager sets each role's markdown limits at HQ (issue 21): they are audited, reach the till's snapshot under
// a new pricing version, a retry with the same Idempotency-Key applies nothing twice, and bad input is a 400 problem that
// changes nothing. Real HQ process and HTTP, on SQLite or PostgreSQL.
using System.Net;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Staff;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Pricing;

public sealed class RoleLimitTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task SetLimits_AreListedAudited_AndReachTheSnapshotUnderANewPricingVersion()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var till = await fixture.EnrolTillAsync();
        var before = await till.SnapshotAsync();

        var answer = await fixture.Manager.PutRoleLimitsAsync(
            [new RoleLimitDto(StaffRoles.Cashier, 750, false), new RoleLimitDto(StaffRoles.Supervisor, 3_000, true)]);

        RoleLimitDto[] expected =
            [new(StaffRoles.Cashier, 750, false), new(StaffRoles.Supervisor, 3_000, true), new(StaffRoles.Manager, 10_000, true)];
        Assert.Equal(expected, answer);
        Assert.Equal(expected, await fixture.Manager.GetRoleLimitsAsync());
        var after = await till.SnapshotAsync();
        Assert.Equal(expected, after.RoleLimits);
        Assert.Equal(before.PricingVersion + 1, after.PricingVersion);
        var audit = (await fixture.Manager.AuditAsync("role_limits.set"))[^1];
        Assert.Equal($"cashier: 750 bp, may not override; supervisor: 3000 bp, may override (pricing version {after.PricingVersion})", audit.Detail);
    }

    [Fact]
    public async Task SameIdempotencyKey_AppliesOnce()
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var till = await fixture.EnrolTillAsync();
        var version = (await till.SnapshotAsync()).PricingVersion;
        var audits = (await fixture.Manager.AuditAsync("role_limits.set")).Count;
        var key = Guid.NewGuid().ToString();
        const string body = """[{"role":"cashier","discountBpMax":300,"mayOverride":false}]""";

        using var first = await fixture.Manager.PutRoleLimitsRawAsync(body, key);
        using var retry = await fixture.Manager.PutRoleLimitsRawAsync(body, key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(version + 1, (await till.SnapshotAsync()).PricingVersion);
        Assert.Equal(audits + 1, (await fixture.Manager.AuditAsync("role_limits.set")).Count);
    }

    [Theory]
    [InlineData("[]", "Send 1 to 3 role limits")]
    [InlineData("""[{"role":"owner","discountBpMax":100,"mayOverride":true}]""", "[0].role must be one of cashier, supervisor, manager.")]
    [InlineData("""[{"role":"cashier","discountBpMax":10001,"mayOverride":false}]""", "[0].discountBpMax must be 0 to 10000")]
    [InlineData("""[{"role":"cashier","discountBpMax":-1,"mayOverride":false}]""", "[0].discountBpMax must be 0 to 10000")]
    [InlineData("""[{"role":"cashier","discountBpMax":100,"mayOverride":false},{"role":"cashier","discountBpMax":200,"mayOverride":false}]""",
        "[1].role cashier appears twice")]
    [InlineData("""{"role":"cashier"}""", "")]
    public async Task BadLimits_AreA400Problem_AndChangeNothing(string body, string sentence)
    {
        await fixture.Manager.PutRoleLimitsAsync(PricingCalls.Defaults);
        var till = await fixture.EnrolTillAsync();
        var version = (await till.SnapshotAsync()).PricingVersion;

        using var response = await fixture.Manager.PutRoleLimitsRawAsync(body);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains(sentence, detail, StringComparison.Ordinal);
        Assert.Equal(PricingCalls.Defaults, await fixture.Manager.GetRoleLimitsAsync());
        Assert.Equal(version, (await till.SnapshotAsync()).PricingVersion);
    }
}
