using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Bot.State;
using StackExchange.Redis;
using PartyAffairs.BotFramework.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Conversation.Dialogs;
using PartyAffairs.Bot.Conversation.Pipeline;
using PartyAffairs.Bot.Operations;
using PartyAffairs.BotFramework.Builder;

namespace PartyAffairs.Bot.Conversation;

/// <summary>Composition of the Conversation area: the turn pipeline (middleware, error handler), the dialogs, the command table and the bot.</summary>
internal static class ConversationHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        // The knowledge base and the duty catalog come from other areas; the tracker's factory resolves them when the
        // bot is first used, so the host also starts (and start-up validation passes) while one is not registered.
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DutyTracker>(sp));
        builder.Services.AddSingleton<NoticeRoundStore>();
        builder.Services.AddSingleton<NoticeRounds>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NoticeRounds>());
        builder.Services.AddSingleton<MobileBinder>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName);
        builder.Services.AddConversationPipeline();
        return builder;
    }

    /// <summary>
    /// The turn pipeline every adapter runs (connector, Direct Line, DingTalk, WeCom), then the bot: the middleware in
    /// this order, the error handler, the dialogs and the conversation's commands. Other areas add their own commands
    /// with <see cref="ChatCommandServices.AddChatCommand{TCommand}"/>; the order of registration does not matter.
    /// </summary>
    public static IServiceCollection AddConversationPipeline(this IServiceCollection services)
    {
        // Every message turn is counted (Operations' meter), failures included. Then the cheapest refusal: an over-long
        // text touches nothing. A store outage anywhere below gets one polite answer. The member lookup starts its binding
        // read before the de-duplication check (both reach the store in one round trip) and resolves the member when the
        // bot first asks, after a retried activity has been stopped.
        services.AddTurnMiddleware<TurnMetricsMiddleware>();
        services.AddTurnMiddleware<TextLengthMiddleware>();
        services.AddTurnMiddleware<StoreOutageMiddleware>();
        services.AddTurnMiddleware<MemberLookupMiddleware>();
        services.AddTurnMiddleware<DeduplicationMiddleware>();
        services.AddTurnErrorHandler<TurnErrorHandler>();
        // The bind command's guessing limits (shared through the store when there is one).
        services.TryAddSingleton(sp => new AttemptThrottle(sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BindingThrottle>();

        services.AddSingleton<DialogSet>();
        services.AddDialog<NoticeDialog>();

        services.AddOptions<ConversationOptions>()
            .Validate(o => o.CompletionWindow is >= 0 and <= 24 && o.LeaveAhead is >= 0 and <= 12 && o.BranchZoneCacheFor >= TimeSpan.Zero,
                "Conversation: CompletionWindow must be 0–24, LeaveAhead 0–12 and BranchZoneCacheFor not negative.")
            .ValidateOnStart();
        services.AddSingleton<BranchClock>();
        services.AddSingleton<IReminderTriggers>(sp => sp.GetRequiredService<BranchClock>()); // settings saves forget its cached zone
        services.AddSingleton<LeaveNotices>();
        services.AddSingleton<ConversationSettingsStore>();
        services.AddSingleton<BranchFacts>();
        services.AddSingleton<CompletionAuthorization>();
        services.AddSingleton<KnowledgeAnswers>();
        services.AddSingleton<DutyLines>();
        services.AddSingleton<CompletionRecorder>();
        services.AddSingleton<BranchProgress>();
        services.AddSingleton<BindingNotice>();
        services.AddChatCommand<HelpCommand>();
        services.AddChatCommand<BindCommand>();
        services.AddChatCommand<QuestionCommand>();
        services.AddChatCommand<MyDutiesCommand>();
        services.AddChatCommand<CompleteCommand>();
        services.AddChatCommand<LeaveCommand>();
        services.AddChatCommand<UndoCommand>();
        services.AddChatCommand<ConfirmCommand>();
        services.AddChatCommand<CancelCommand>();
        services.AddChatCommand<NoticeCommand>();
        services.AddChatCommand<StatusCommand>();
        services.AddChatCommand<NudgeCommand>();
        services.AddChatCommand<GreetingCommand>();
        services.AddChatCommand<SmallTalkCommand>();
        services.AddChatCommand<ClarifyCommand>();
        services.AddChatCommand<BranchScheduleCommand>();
        services.AddChatCommand<MyProgressCommand>();
        services.AddChatCommand<InviteCodeCommand>();
        services.AddChatCommand<StatusViewersCommand>();
        services.AddChatCommand<ReminderButtonCommand>();
        services.AddChatCommand<AllDoneButtonCommand>();

        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<CommandDispatcher>());
        return services;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConversationAdminEndpoints();
        return endpoints;
    }
}
