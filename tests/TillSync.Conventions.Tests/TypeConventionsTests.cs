// Proves the type rules of STYLE.md over the compiled src/ assemblies: classes are sealed by default, and status
// enums start at 1 so that default is never a valid value. Uses reflection over the real assemblies.
using System.Reflection;
using System.Runtime.CompilerServices;

namespace TillSync.Conventions.Tests;

public sealed class TypeConventionsTests
{
    private static readonly Assembly[] SourceAssemblies =
    [
        typeof(TillSync.Contracts.TillSyncJsonContext).Assembly,
        typeof(TillSync.Core.Limits).Assembly,
        typeof(TillSync.Hq.Web.HqApplication).Assembly,
        typeof(TillSync.Irp.Web.IrpApplication).Assembly,
        typeof(TillSync.Web.WebBoundary).Assembly,
    ];

    [Fact]
    public void Classes_AreSealedStaticOrAbstract()
    {
        var open = SourceAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => t.Namespace?.StartsWith("TillSync", StringComparison.Ordinal) == true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void Enums_StartAtOne_SoDefaultIsNeverValid()
    {
        var zeroBased = SourceAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("TillSync", StringComparison.Ordinal) == true)
            .Where(t => Enum.GetValues(t).Cast<object>().Any(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) == 0))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(zeroBased);
    }
}
