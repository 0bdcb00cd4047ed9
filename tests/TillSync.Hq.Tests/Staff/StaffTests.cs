// Proves HQ's staff records: a manager adds and changes staff, a till's snapshot carries the active staff of its store
// with PIN hashes that verify the PIN offline, bad input is a 400 problem that changes nothing, and the PIN itself is
// in no answer, audit entry, snapshot or log line. Runs against the real HQ process on SQLite or PostgreSQL.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Tills;
using TillSync.Core.Staff;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Staff;

public sealed class StaffTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    public static TheoryData<string> InvalidStaff =>
        ["pin_three_digits", "pin_seven_digits", "pin_letters", "pin_missing", "role_unknown", "no_stores", "store_twice", "store_unknown", "name_blank"];

    [Fact]
    public async Task Staff_Added_IsListedWithoutPinAndInTheStoresSnapshotWithAHashThatVerifies()
    {
        var asha = await fixture.Manager.AddStaffAsync(new StaffDto("Asha Rao", StaffRoles.Cashier, [1], Pin: "482913"));

        Assert.Equal("Asha Rao", asha.Name);
        Assert.Equal(StaffRoles.Cashier, asha.Role);
        Assert.Equal([1L], asha.StoreIds);
        Assert.True(asha.Active);
        var listed = Assert.Single(await fixture.Manager.ListStaffAsync(), s => s.StaffId == asha.StaffId);
        Assert.Equal((asha.Name, asha.Role, asha.Active, asha.PinSetAt), (listed.Name, listed.Role, listed.Active, listed.PinSetAt));
        Assert.Equal(asha.StoreIds, listed.StoreIds);
        var till = await fixture.EnrolTillAsync();
        var inSnapshot = Assert.Single((await till.SnapshotAsync()).Staff!, s => s.StaffId == asha.StaffId);
        Assert.Equal(HqProcess.PinIterations, inSnapshot.PinIterations);
        Assert.True(Pin(inSnapshot).Matches("482913"));
        Assert.False(Pin(inSnapshot).Matches("482914"));
    }

    [Fact]
    public async Task Staff_InactiveOrOfAnotherStore_IsNotInTheSnapshot()
    {
        var branch = await AddBranchAsync();
        var elsewhere = await fixture.Manager.AddStaffAsync(new StaffDto("Kiran Shah", StaffRoles.Supervisor, [branch], Pin: "7731"));
        var left = await fixture.Manager.AddStaffAsync(new StaffDto("Ravi Kumar", StaffRoles.Cashier, [1], Pin: "5519", Active: false));
        var both = await fixture.Manager.AddStaffAsync(new StaffDto("Meena Iyer", StaffRoles.Manager, [branch, 1], Pin: "660021"));

        var staff = (await (await fixture.EnrolTillAsync()).SnapshotAsync()).Staff!;

        Assert.DoesNotContain(staff, s => s.StaffId == elsewhere.StaffId || s.StaffId == left.StaffId);
        Assert.Contains(staff, s => s.StaffId == both.StaffId && s.Role == StaffRoles.Manager);
        Assert.Equal([1L, branch], both.StoreIds);
    }

    [Fact]
    public async Task Staff_Changed_NewPinVerifiesAndOldOneNoLonger_Deactivated_LeavesTheSnapshot()
    {
        var added = await fixture.Manager.AddStaffAsync(new StaffDto("Sunil Das", StaffRoles.Cashier, [1], Pin: "1234"));
        var till = await fixture.EnrolTillAsync();

        var renamed = await fixture.Manager.ChangeStaffAsync(added.StaffId, new StaffDto("Sunil K Das", StaffRoles.Supervisor, [1]));
        var unchangedPin = Assert.Single((await till.SnapshotAsync()).Staff!, s => s.StaffId == added.StaffId);
        var repinned = await fixture.Manager.ChangeStaffAsync(added.StaffId, new StaffDto("Sunil K Das", StaffRoles.Supervisor, [1], Pin: "987654"));
        var newPin = Assert.Single((await till.SnapshotAsync()).Staff!, s => s.StaffId == added.StaffId);
        await fixture.Manager.ChangeStaffAsync(added.StaffId, new StaffDto("Sunil K Das", StaffRoles.Supervisor, [1], Active: false));

        Assert.Equal(("Sunil K Das", StaffRoles.Supervisor), (renamed.Name, renamed.Role));
        Assert.Equal(added.PinSetAt, renamed.PinSetAt);
        Assert.True(Pin(unchangedPin).Matches("1234"));
        Assert.True(repinned.PinSetAt > added.PinSetAt);
        Assert.True(Pin(newPin).Matches("987654"));
        Assert.False(Pin(newPin).Matches("1234"));
        Assert.DoesNotContain((await till.SnapshotAsync()).Staff!, s => s.StaffId == added.StaffId);
        Assert.False((await fixture.Manager.ListStaffAsync()).Single(s => s.StaffId == added.StaffId).Active);
    }

    [Theory]
    [MemberData(nameof(InvalidStaff))]
    public async Task Staff_Invalid_Is400AndChangesNothing(string defect)
    {
        var valid = new StaffDto("Valid Name", StaffRoles.Cashier, [1], Pin: "2468");
        var staff = defect switch
        {
            "pin_three_digits" => valid with { Pin = "246" },
            "pin_seven_digits" => valid with { Pin = "2468024" },
            "pin_letters" => valid with { Pin = "24a8" },
            "pin_missing" => valid with { Pin = null },
            "role_unknown" => valid with { Role = "owner" },
            "no_stores" => valid with { StoreIds = [] },
            "store_twice" => valid with { StoreIds = [1, 1] },
            "store_unknown" => valid with { StoreIds = [1, 9_999] },
            "name_blank" => valid with { Name = "  " },
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        var response = await fixture.Manager.AddStaffRawAsync(staff);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.DoesNotContain("24a8", detail, StringComparison.Ordinal);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Fact]
    public async Task Staff_ChangeOfUnknownOrWithABadPin_IsAProblemAndChangesNothing()
    {
        var added = await fixture.Manager.AddStaffAsync(new StaffDto("Farah Khan", StaffRoles.Cashier, [1], Pin: "3579"));
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        var unknown = await fixture.Manager.ChangeStaffRawAsync(99_999, new StaffDto("Nobody", StaffRoles.Cashier, [1]));
        var badPin = await fixture.Manager.ChangeStaffRawAsync(added.StaffId, new StaffDto("Farah Khan", StaffRoles.Cashier, [1], Pin: "35 79"));

        await Responses.ExpectProblemAsync(unknown, HttpStatusCode.NotFound, fixture.Hq);
        await Responses.ExpectProblemAsync(badPin, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Fact]
    public async Task Staff_Pin_IsInNoAnswerAuditEntrySnapshotOrLogLine()
    {
        const string KnownPin = "590417";
        var added = await fixture.Manager.AddStaffAsync(new StaffDto("Pin Secret", StaffRoles.Cashier, [1], Pin: KnownPin));
        await fixture.Manager.ChangeStaffAsync(added.StaffId, new StaffDto("Pin Secret", StaffRoles.Cashier, [1], Pin: KnownPin));
        await fixture.Manager.AddStaffRawAsync(new StaffDto("Pin Secret", StaffRoles.Cashier, [9_999], Pin: KnownPin));
        var till = await fixture.EnrolTillAsync();
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        var texts = new List<string>
        {
            await client.GetStringAsync(new Uri("/api/v1/staff", UriKind.Relative)),
            await AuditTextAsync(client),
            JsonSerializerText(await till.SnapshotAsync()),
            fixture.Hq.Output(int.MaxValue),
        };

        Assert.Contains("PIN set", texts[1], StringComparison.Ordinal);
        Assert.All(texts, t => Assert.DoesNotContain(KnownPin, t, StringComparison.Ordinal));
    }

    private static async Task<string> AuditTextAsync(HttpClient client)
    {
        var text = new System.Text.StringBuilder();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync(new Uri($"/api/v1/audit?after={after}", UriKind.Relative), TillSyncJsonContext.Default.AuditPage);
            if (page!.Entries.Count == 0)
            {
                return text.ToString();
            }

            text.AppendJoin('\n', page.Entries.Select(e => $"{e.Action} {e.Detail}"));
            after = page.NextAfter;
        }
    }

    private static StaffPin Pin(SnapshotStaff staff) =>
        new(Convert.FromBase64String(staff.PinHash), Convert.FromBase64String(staff.PinSalt), staff.PinIterations);

    private static string JsonSerializerText(TillSnapshot snapshot) =>
        System.Text.Json.JsonSerializer.Serialize(snapshot, TillSyncJsonContext.Default.TillSnapshot);

    private async Task<long> AddBranchAsync()
    {
        var branch = new StoreDto("27AAACS7319F1ZE", "Sharma Provisions Private Limited", "4 Linking Road", "Mumbai", 400050, "27");
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        return (await Responses.ExpectAsync(await client.PostAsync("/api/v1/stores", JsonContent.Create(branch, TillSyncJsonContext.Default.StoreDto)),
            HttpStatusCode.Created, TillSyncJsonContext.Default.StoreView, fixture.Hq)).StoreId;
    }
}
