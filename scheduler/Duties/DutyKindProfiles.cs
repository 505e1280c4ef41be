using PartyAffairs.Knowledge.Duties;
using PartyAffairs.Knowledge.Vocabulary;

namespace PartyAffairs.Scheduler.Duties;

/// <summary>
/// The duty kinds the scheduler tracks: a view over the vocabulary (<see cref="PartyVocabulary"/>: the kind, its title and
/// the words members use for it) with the scheduler's own policy added — who confirms it and the national baseline rule
/// (《中国共产党支部工作条例（试行）》, the Party Constitution on dues) used when no binding document of the branch sets one.
/// </summary>
public static class DutyKindProfiles
{
    /// <summary>The roster roles of probationary members (预备党员).</summary>
    public static IReadOnlyList<string> ProbationaryMembers { get; } = PartyVocabulary.Shipped.RosterRolesFor(DutyActors.ProbationaryMember);

    /// <summary>Every tracked kind, members' duties first.</summary>
    public static IReadOnlyList<DutyKindProfile> All { get; } =
    [
        Profile(DutyKinds.ThemedPartyDay, DutyAudience.Member, "P1M"),
        Profile(DutyKinds.MembershipDues, DutyAudience.Member, "P1M"),
        Profile(DutyKinds.GroupMeeting, DutyAudience.Member, "P1M"),
        Profile(DutyKinds.CollectiveStudy, DutyAudience.Member, "P1Y"),
        Profile(DutyKinds.ThoughtReport, DutyAudience.Member, null) with { MemberRoles = ProbationaryMembers },
        Profile(DutyKinds.BranchCommittee, DutyAudience.Branch, "P1M"),
        Profile(DutyKinds.GeneralMeeting, DutyAudience.Branch, "P3M"),
        Profile(DutyKinds.PartyLecture, DutyAudience.Branch, "P3M"),
        Profile(DutyKinds.OrganisationalLifeMeeting, DutyAudience.Branch, "P1Y") with { BaselineWindow = "Q4" },
        Profile(DutyKinds.MemberAppraisal, DutyAudience.Branch, "P1Y") with { BaselineWindow = "Q4" },
        Profile(DutyKinds.DutyReport, DutyAudience.Branch, "P1Y") with { BaselineDeadline = "--12-31" },
        Profile(DutyKinds.ResponsibilityList, DutyAudience.Branch, "P1Y") with { BaselineDeadline = "--03-31" },
        Profile(DutyKinds.HeartToHeartTalk, DutyAudience.Branch, "P1Y"),
    ];

    /// <summary>The profile whose kind or alias is <paramref name="kindOrAlias"/>, or null.</summary>
    public static DutyKindProfile? Find(string? kindOrAlias) =>
        kindOrAlias is null ? null : All.FirstOrDefault(p => p.Kind == kindOrAlias || p.Aliases.Contains(kindOrAlias, StringComparer.Ordinal));

    // The tracked name and title come from the vocabulary; a kind tracked under another name (集中学习 as 学时) keeps its
    // own name as the first alias, so the knowledge base's duties of that kind still find the profile.
    private static DutyKindProfile Profile(string kind, DutyAudience audience, string? baselinePeriod)
    {
        var term = PartyVocabulary.Shipped.DutyKind(kind);
        return new DutyKindProfile
        {
            Kind = term.TrackedAs ?? term.Name,
            Title = term.Title ?? throw new InvalidOperationException($"The vocabulary gives the tracked duty kind '{kind}' no title."),
            Audience = audience,
            Aliases = term.TrackedAs is null ? term.Synonyms : [term.Name, .. term.Synonyms],
            BaselinePeriod = baselinePeriod,
        };
    }
}
