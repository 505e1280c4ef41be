using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Channels;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>A command added to the table by tests: “故障测试” throws, like a bug or an unexpected fault in a real command.</summary>
internal sealed class FailingCommand : IChatCommand
{
    public const string Text = "故障测试";

    public string Name => "test-failure";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Text == Text;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The test command failed.");
}

/// <summary>“投递失败测试”: the platform refuses the command's reply, as a blocked or deleted account would.</summary>
internal sealed class RefusedReplyCommand : IChatCommand
{
    public const string Text = "投递失败测试";

    public string Name => "test-refused-reply";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Text == Text;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        throw new ChannelDeliveryException("The platform refused the reply.", isTransient: false);
}

/// <summary>“计数测试”: counts how often it ran (to see a retried activity run once).</summary>
internal sealed class CountingCommand : IChatCommand
{
    public const string Text = "计数测试";

    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public string Name => "test-counting";

    public RequiredRole RequiredRole => RequiredRole.Anyone;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Text == Text;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return context.SendAsync("已计数", cancellationToken);
    }
}
