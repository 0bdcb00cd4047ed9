// Proves the per-GSTIN API users file (--irp-users-file): a good file gives each GSTIN its user, any other GSTIN the
// default user; a bad one is refused with a sentence naming the entry and never the password.
using TillSync.Core.EInvoicing;

namespace TillSync.Core.Tests.EInvoicing;

public sealed class NicApiUserTests
{
    private const string Karnataka = "29AABCH1234K1ZN";
    private const string Maharashtra = "27AAACR5055K1Z7";

    [Fact]
    public void Parse_OneUserPerGstin_EachGstinSignsInAsItsOwn_AnyOtherAsTheDefault()
    {
        var (users, problem) = NicApiUser.Parse($$"""
            [{"gstin": "{{Karnataka}}", "user": "API_KA", "password": "ka-secret"},
             {"gstin": "{{Maharashtra.ToLowerInvariant()}}", "user": "API_MH", "password": "mh-secret"}]
            """);
        var credentials = new NicCredentials("client", "secret", "API_DEFAULT", "default-secret", users);

        Assert.Null(problem);
        Assert.Equal(("API_KA", "ka-secret"), credentials.UserFor(Karnataka));
        Assert.Equal(("API_MH", "mh-secret"), credentials.UserFor(Maharashtra));
        Assert.Equal(("API_DEFAULT", "default-secret"), credentials.UserFor("07AAACR5055K1Z5"));
        Assert.Null(credentials.Problem());
        Assert.DoesNotContain("secret", credentials.ToString().Replace("secret and passwords withheld", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "it is not JSON")]
    [InlineData("""{"gstin": "29AABCH1234K1ZN"}""", "JSON array")]
    [InlineData("[]", "1 to 100 users")]
    [InlineData("""[{"gstin": "29AABCH1234K1ZN", "user": "API_KA"}]""", "entry 1: gstin, user and password are all needed")]
    [InlineData("""[{"gstin": "99AABCH1234K1ZN", "user": "API_KA", "password": "hidden-pw"}]""", "entry 1: gstin 99AABCH1234K1ZN is not a GSTIN")]
    [InlineData("""[{"gstin": "29AABCH1234K1ZN", "user": "", "password": "hidden-pw"}]""", "entry 1: 29AABCH1234K1ZN's user: the user name and password must both be given")]
    [InlineData("""[{"gstin": "29AABCH1234K1ZN", "user": "A", "password": "hidden-pw"}, {"gstin": "29AABCH1234K1ZN", "user": "B", "password": "hidden-pw"}]""",
        "entry 2: GSTIN 29AABCH1234K1ZN is listed twice")]
    public void Parse_BadFile_IsRefusedSayingWhere_WithoutThePassword(string json, string expected)
    {
        var (users, problem) = NicApiUser.Parse(json);

        Assert.Null(users);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-pw", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_APasswordTooLongForTheSignIn_IsRefused()
    {
        var (users, problem) = NicApiUser.Parse($$"""[{"gstin": "{{Karnataka}}", "user": "API_KA", "password": "{{new string('p', 200)}}"}]""");

        Assert.Null(users);
        Assert.Contains($"at most {NicCredentials.UserAndPasswordBytesMax} bytes", problem, StringComparison.Ordinal);
    }
}
