using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>
/// A secretary sets one person column of a member of the branch: “设置成员 刘六 入党介绍人 张三、李四”, “设置成员 张三 外出
/// 2027-01-01~2027-03-31”, “设置成员 张三 班子成员 是”, “设置成员 刘六 延长 2028-03-31”. Read as the roster CSV and the admin
/// API read them (<see cref="MemberProfileFields"/>); an empty value clears the field.
/// </summary>
internal sealed class MemberProfileCommand(RosterStore roster) : IChatCommand
{
    private const string Prefix = "设置成员";

    public string Name => "member-profile";

    public RequiredRole RequiredRole => RequiredRole.Secretary;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Text.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Input.Text[Prefix.Length..].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !MemberProfileFields.Headers.Contains(parts[1]))
        {
            await context.SendAsync(MemberProfileTexts.ChatUsage, cancellationToken);
            return;
        }

        var branchId = context.BoundMember.BranchId;
        var member = (await roster.ListMembersAsync(branchId, cancellationToken)).Where(m => m.Name == parts[0]).ToArray();
        if (member.Length != 1)
        {
            await context.SendAsync(member.Length == 0 ? MemberProfileTexts.ChatMemberUnknown(parts[0]) : MemberProfileTexts.ChatMemberAmbiguous(parts[0]), cancellationToken);
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [parts[1]] = parts.Length > 2 ? parts[2] : string.Empty };
        var (profile, errors) = MemberProfileFields.Read(values, member[0].Profile);
        if (profile is null)
        {
            await context.SendAsync(string.Join("；", errors) + "。" + MemberProfileTexts.ChatUsage, cancellationToken);
            return;
        }

        await roster.UpdateProfileAsync(branchId, member[0].Id, profile, cancellationToken);
        await context.SendAsync(MemberProfileTexts.ChatSaved(member[0].Name, parts[1], parts.Length > 2 ? parts[2] : null), cancellationToken);
    }
}
