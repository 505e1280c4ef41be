using System.Xml.Linq;

namespace PartyAffairs.Deploy.Tests;

/// <summary>
/// The container files cannot be built here (no container engine); this keeps them in step with the projects: the
/// Dockerfile's restore layer copies every project the host builds from.
/// </summary>
public sealed class ContainerFilesTests
{
    [Fact]
    public async Task Dockerfile_RestoreLayer_CopiesEveryProjectTheHostReferences()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "Dockerfile"));
        var projects = Closure(Path.Combine(Repository.Root, "bot", "Bot.csproj"));

        Assert.True(projects.Count >= 7, "bot, knowledge, scheduler and the four libraries");
        foreach (var project in projects)
        {
            var relative = Path.GetRelativePath(Repository.Root, project).Replace('\\', '/');
            Assert.Contains($"COPY {relative} {Path.GetDirectoryName(relative)!.Replace('\\', '/')}/\n", dockerfile, StringComparison.Ordinal);
            Assert.Contains($"COPY {relative.Split('/')[0]}/ {relative.Split('/')[0]}/\n", dockerfile, StringComparison.Ordinal);
        }
    }

    private static HashSet<string> Closure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include)));
            }
        }

        return found;
    }
}
