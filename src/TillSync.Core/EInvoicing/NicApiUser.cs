using System.Text.Json;
using TillSync.Core.Tax;

namespace TillSync.Core.EInvoicing;

/// <summary>The API user NIC made for one GSTIN: NIC issues API users per GSTIN, so a chain with a store in each of
/// several states signs in as a different user for each store's GSTIN. <see cref="ToString"/> withholds the password.</summary>
/// <param name="Gstin">The seller GSTIN the user was made for.</param>
/// <param name="UserName">The API user.</param>
/// <param name="Password">Its password; a secret.</param>
public sealed record NicApiUser(string Gstin, string UserName, string Password)
{
    /// <summary>The most users a file may list: one per GSTIN of a chain, a state each at most (38 state codes).</summary>
    public const int UsersMax = 100;

    /// <summary>Reads the users of an <c>--irp-users-file</c>: a JSON array of <c>{"gstin", "user", "password"}</c>, one
    /// per GSTIN. A GSTIN is held to the e-invoice schema's pattern (a sandbox's test GSTINs pass); the answer is the users
    /// or a sentence saying what is wrong and where, never echoing a password.</summary>
    public static (IReadOnlyList<NicApiUser>? Users, string? Problem) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, $"it is not JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (null, "it must be a JSON array of {\"gstin\", \"user\", \"password\"}, one per GSTIN");
            }

            var users = new List<NicApiUser>();
            foreach (var (entry, index) in document.RootElement.EnumerateArray().Select((e, i) => (e, i + 1)))
            {
                var (user, problem) = Read(entry);
                if (problem is not null)
                {
                    return (null, $"entry {index}: {problem}");
                }

                if (users.Any(u => u.Gstin == user!.Gstin))
                {
                    return (null, $"entry {index}: GSTIN {user!.Gstin} is listed twice");
                }

                users.Add(user!);
            }

            return users.Count is 0 or > UsersMax
                ? (null, $"it must list 1 to {UsersMax} users")
                : (users, null);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"user {UserName} for {Gstin} (password withheld)";

    private static (NicApiUser? User, string? Problem) Read(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return (null, "each entry is an object {\"gstin\", \"user\", \"password\"}");
        }

        string? Text(string name) =>
            entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var (gstin, user, password) = (Text("gstin")?.Trim().ToUpperInvariant(), Text("user"), Text("password"));
        if (gstin is null || user is null || password is null)
        {
            return (null, "gstin, user and password are all needed, as strings");
        }

        if (!Tax.Gstin.IsValid(gstin, GstinRule.Sandbox))
        {
            return (null, $"gstin {gstin} is not a GSTIN (two digits of a state, then 13 digits or capitals)");
        }

        return NicCredentials.UserProblem(user, password) is { } problem
            ? (null, $"{gstin}'s user: {problem}")
            : (new NicApiUser(gstin, user, password), null);
    }
}
