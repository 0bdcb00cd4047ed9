using System.CommandLine;
using TillSync.Core.EInvoicing;

namespace TillSync.Cli.Verbs;

/// <summary>The file of per-GSTIN API users (<c>--irp-users-file</c> on HQ, <c>--users-file</c> on the simulator): a
/// JSON array of <c>{"gstin", "user", "password"}</c> (docs/einvoice.md, "Pointing HQ at a portal"). It holds passwords:
/// keep it owner-only, as the other secret files.</summary>
public static class IrpUsersFile
{
    /// <summary>The option, named <paramref name="name"/> with its environment twin <paramref name="variable"/>.</summary>
    public static Option<string> Option(string name, string variable) =>
        EnvOption.Text(name, variable, "",
            "A JSON file of the API users NIC made per GSTIN, [{\"gstin\": …, \"user\": …, \"password\": …}]: each GSTIN signs in as its own user, any other as the one user given. Holds passwords: keep it owner-only.");

    /// <summary>The users the option names (none when it is empty), or a sentence saying what is wrong with the file.</summary>
    public static (IReadOnlyList<NicApiUser>? Users, string? Problem) Read(ParseResult parse, Option<string> option)
    {
        var path = parse.GetValue(option)!;
        if (path.Length == 0)
        {
            return (null, null);
        }

        if (!File.Exists(path))
        {
            return (null, $"{option.Name}: there is no file at {Path.GetFullPath(path)}.");
        }

        var (users, problem) = NicApiUser.Parse(File.ReadAllText(path));
        return problem is null ? (users, null) : (null, $"{option.Name} {path}: {problem}.");
    }
}
