using System.Xml.Linq;

namespace TillSync.Conventions.Tests;

/// <summary>Which project references which, by project name (the .csproj file name without extension).</summary>
internal sealed record ProjectGraph(IReadOnlyDictionary<string, IReadOnlyList<string>> ReferencesByProject)
{
    /// <summary>The graph of every .csproj under <paramref name="folder"/>, read from their <c>ProjectReference</c> items.</summary>
    public static ProjectGraph Read(string folder)
    {
        var projects = Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => (IReadOnlyList<string>)XDocument.Load(p).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
                    .ToList());
        return new ProjectGraph(projects);
    }

    /// <summary>Every project <paramref name="project"/> reaches through its references, directly or not, each with the
    /// path by which it first does (e.g. <c>A → B → C</c>).</summary>
    public IReadOnlyDictionary<string, string> Reachable(string project)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<(string Project, string Path)>([(project, project)]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var reference in ReferencesByProject.GetValueOrDefault(next.Project) ?? [])
            {
                if (reference != project && paths.TryAdd(reference, $"{next.Path} → {reference}"))
                {
                    queue.Enqueue((reference, paths[reference]));
                }
            }
        }

        return paths;
    }
}
