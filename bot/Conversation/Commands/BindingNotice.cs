using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Tells a member who was just bound by the platform's mobile number who they were bound as.</summary>
internal sealed class BindingNotice(RosterStore roster)
{
    /// <summary>Sends “已根据通讯录手机号将您绑定为…” with <paramref name="buttons"/>.</summary>
    public async Task SendAsync(CommandContext context, CancellationToken cancellationToken, params string[] buttons)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.BoundMember;
        var branch = await roster.GetBranchAsync(member.BranchId, cancellationToken);
        await context.SendAsync(Replies.BoundByMobile(member.Name, branch?.Name ?? member.BranchId, member.Role), cancellationToken, buttons);
    }
}
