namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Who may run a command; <see cref="RoleGate"/> checks it, in one place, before the command runs.</summary>
internal enum RequiredRole
{
    /// <summary>Anyone, bound or not (questions, help, binding).</summary>
    Anyone,

    /// <summary>A chat account bound to a roster member; unbound users get the bind prompt.</summary>
    BoundMember,

    /// <summary>A bound member whose role counts as secretary (<see cref="State.MemberRoles.IsSecretary"/>); other members get “仅限书记、副书记”.</summary>
    Secretary,
}
