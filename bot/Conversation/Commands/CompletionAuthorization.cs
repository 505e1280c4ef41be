using Microsoft.Extensions.Options;
using PartyAffairs.Bot.State;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Periods;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// The one authorization point for what a member records in chat, whether typed (“我交了党费”), by a reminder's button
/// (“已完成 党员大会 2026-12”) or through a clarification: who may record which duty, for which period. Completion, leave and
/// button commands all ask here before anything is stored; a refusal names its reason and changes nothing.
/// <list type="bullet">
/// <item>a branch duty (支委会, 党员大会, 组织生活会 …) is completed for the branch only by a secretary or a role the duty names;</item>
/// <item>a duty that is not the member's role's is refused;</item>
/// <item>the period must be the duty's own unit and within the window: the current period and
/// <see cref="ConversationOptions.CompletionWindow"/> periods back; never a future one for a completion, at most
/// <see cref="ConversationOptions.LeaveAhead"/> ahead for leave.</item>
/// </list>
/// </summary>
internal sealed class CompletionAuthorization(DutyTracker duties, IOptions<ConversationOptions> options)
{
    /// <summary>Null when <paramref name="member"/> may record <paramref name="status"/> of <paramref name="duty"/> in <paramref name="period"/> (the branch's <paramref name="today"/>); otherwise the refusal.</summary>
    public string? Check(Member member, TrackedDuty duty, DutyPeriod period, CompletionStatus status, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(duty);
        if (!DutyPeriod.TryGetUnit(duty.Period, out var unit) || !duties.AppliesTo(duty, member.Role))
        {
            return Replies.NotApplicable;
        }

        if (status == CompletionStatus.Done && duty.Audience == DutyAudience.Branch && !MayCompleteForBranch(duty, member.Role))
        {
            return Replies.BranchDutyRefused(duty.Title);
        }

        if (period.Unit != unit)
        {
            return Replies.PeriodOutOfWindow(duty.Title, period.Key);
        }

        var current = DutyPeriod.Containing(unit, today);
        var earliest = current;
        for (var i = 0; i < Math.Max(0, options.Value.CompletionWindow); i++)
        {
            earliest = earliest.Previous();
        }

        var latest = current;
        if (status == CompletionStatus.Leave)
        {
            for (var i = 0; i < Math.Max(0, options.Value.LeaveAhead); i++)
            {
                latest = latest.Next();
            }
        }

        if (period > latest)
        {
            return status == CompletionStatus.Done ? Replies.FuturePeriodRefused(duty.Title, period.Key) : Replies.PeriodOutOfWindow(duty.Title, period.Key);
        }

        return period < earliest ? Replies.PeriodOutOfWindow(duty.Title, period.Key) : null;
    }

    /// <summary>True when <paramref name="role"/> may confirm a branch duty for the whole branch.</summary>
    public static bool MayCompleteForBranch(TrackedDuty duty, string role)
    {
        ArgumentNullException.ThrowIfNull(duty);
        return MemberRoles.IsSecretary(role) || duty.Roles.Contains(role, StringComparer.Ordinal);
    }
}
