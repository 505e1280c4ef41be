using System.Collections.Concurrent;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>
/// A bot for protocol tests: greets on conversationUpdate, echoes messages ("echo: …") with a suggested action,
/// throws on "fail", answers the invoke named "answer" with 200 and a body, and records every turn it saw.
/// </summary>
internal sealed class TestBot : IBot
{
    public const string Greeting = "欢迎使用";

    public ConcurrentQueue<Activity> Turns { get; } = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        Turns.Enqueue(activity);
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
                await turnContext.SendActivityAsync(Greeting, cancellationToken);
                break;
            case ActivityTypes.Message when activity.Text == "fail":
                throw new InvalidOperationException("The test bot was told to fail.");
            case ActivityTypes.Message:
                var reply = Activity.CreateMessageActivity($"echo: {activity.Text}");
                reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("帮助")] };
                await turnContext.SendActivityAsync(reply, cancellationToken);
                break;
            case ActivityTypes.Invoke when activity.Name == "answer":
                await turnContext.SendActivityAsync(new Activity
                {
                    Type = ActivityTypes.InvokeResponse,
                    Value = System.Text.Json.JsonSerializer.SerializeToElement(new InvokeResponse(200, System.Text.Json.JsonSerializer.SerializeToElement(new { ok = true }))),
                }, cancellationToken);
                break;
        }
    }
}
