using System.Reflection;

namespace TillSync.Contracts.Status;

/// <summary>The release this build of TillSync belongs to. <c>scripts/release.sh VERSION</c> stamps every assembly with
/// the same version; a build from a clone says <c>1.0.0+commit</c>.</summary>
public static class ReleaseVersion
{
    /// <summary>The informational version, e.g. <c>1.4.0+3f2c9d1…</c>: the release, then the commit it was built from.</summary>
    public static string Current { get; } =
        typeof(ReleaseVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
