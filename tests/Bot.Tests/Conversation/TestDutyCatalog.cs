using PartyAffairs.Scheduler.Duties;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>
/// A small duty catalog for conversation tests (the real one is built from the knowledge base by the scheduler):
/// dues and the themed day monthly for everyone, a quarterly party lecture, and the branch committee meeting
/// that the secretary confirms for the branch.
/// </summary>
internal sealed class TestDutyCatalog(params TrackedDuty[] extra) : ITrackedDutyCatalog
{
    /// <summary>The roles that confirm branch duties.</summary>
    public static readonly string[] Officers = ["党支部书记", "副书记"];

    public IReadOnlyList<TrackedDuty> All { get; } =
    [
        .. extra,
        new() { Kind = "党费", Title = "交纳党费", Period = "P1M", Aliases = ["党费", "交党费", "缴纳党费"] },
        new() { Kind = "主题党日", Title = "参加主题党日", Period = "P1M", Aliases = ["主题党日"] },
        new() { Kind = "党课", Title = "参加党课", Period = "P3M", Deadline = "--12-20", Aliases = ["党课", "上党课"] },
        new() { Kind = "支部委员会", Title = "召开支部委员会", Period = "P1M", Audience = DutyAudience.Branch, Roles = Officers, Aliases = ["支委会", "支部委员会"] },
        new() { Kind = "谈心谈话", Title = "谈心谈话", Period = "P30D", Aliases = ["谈心谈话"] },
        new() { Kind = "责任清单", Title = "报送责任清单", Period = "P1Y", Deadline = "--03-31", Audience = DutyAudience.Branch, Roles = Officers, Aliases = ["责任清单"] },
    ];

    public IReadOnlyList<TrackedDuty> ForRole(string role) => All.Where(d => d.Roles.Count == 0 || d.Roles.Contains(role)).ToArray();

    public TrackedDuty? Find(string kindOrAlias) =>
        All.FirstOrDefault(d => d.Kind == kindOrAlias || d.Aliases.Contains(kindOrAlias));
}
