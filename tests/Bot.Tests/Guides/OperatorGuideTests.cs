using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using PartyAffairs.Bot.Ledger;

namespace PartyAffairs.Bot.Tests.Guides;

/// <summary>
/// <c>docs/运维手册.md</c> names configuration keys (<c>Section:Key</c>); each must be one the product reads: a property
/// of the options class bound to that section (a class with a <c>SectionName</c> constant), or a connection string the
/// host asks for. A renamed option fails here, not on an operator's server.
/// </summary>
public sealed partial class OperatorGuideTests
{
    private static readonly Dictionary<string, Type> Sections = OptionsSections();

    [Fact]
    public void OperatorGuide_EveryConfigurationKeyItNames_IsReadByTheProduct()
    {
        var keys = ConfigurationKey().Matches(GuideFiles.Read("运维手册.md")).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(keys.Count >= 15, $"the guide names {keys.Count} keys; the parser found too few");
        Assert.All(keys, key => Assert.True(IsRead(key), $"运维手册.md names `{key}`, which no options class or connection string reads"));
    }

    [Theory]
    [InlineData("Storage:DataDir", true)]
    [InlineData("DingTalk:GroupWebhookUrl", true)] // inherited from the platform options
    [InlineData("Channels:GroupNotices:Branches:dingtalk", true)] // a dictionary's entry
    [InlineData("ConnectionStrings:Ledger", true)]
    [InlineData("Storage:DataFolder", false)]
    [InlineData("Nothing:Here", false)]
    [InlineData("ConnectionStrings:Other", false)]
    public void KeyResolution_FindsPropertiesOfBoundSections(string key, bool read) => Assert.Equal(read, IsRead(key));

    private static bool IsRead(string key)
    {
        var parts = key.Split(':');
        if (parts[0] == "ConnectionStrings")
        {
            return parts is [_, LedgerHosting.ConnectionStringName];
        }

        for (var length = parts.Length - 1; length >= 1; length--)
        {
            if (Sections.TryGetValue(string.Join(':', parts[..length]), out var type))
            {
                return Resolves(type, parts[length..]);
            }
        }

        return false;
    }

    private static bool Resolves(Type type, string[] path)
    {
        if (path.Length == 0 || typeof(IDictionary).IsAssignableFrom(type) || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        {
            return true;
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Resolves(property.PropertyType, path[1..]);
    }

    private static Dictionary<string, Type> OptionsSections()
    {
        var assemblies = new[] { typeof(LedgerHosting).Assembly }
            .Concat(typeof(LedgerHosting).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("PartyAffairs", StringComparison.Ordinal)).Select(Assembly.Load));
        return assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.Ordinal);
    }

    /// <summary>A key in backticks: <c>Section:Key</c> with more parts allowed, each starting with a letter.</summary>
    [GeneratedRegex(@"`((?:[A-Z][A-Za-z]*)(?::[A-Za-z][A-Za-z0-9]*)+)`")]
    private static partial Regex ConfigurationKey();
}
