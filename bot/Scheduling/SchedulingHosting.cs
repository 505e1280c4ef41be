using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.Delivery.Retry;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Calendar;
using PartyAffairs.Scheduler.Delivery;
using PartyAffairs.Scheduler.Duties;
using PartyAffairs.Scheduler.Jobs;
using PartyAffairs.Scheduler.Planning;
using PartyAffairs.Scheduler.Settings;
using Quartz;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>Composition of the Scheduling area: Quartz, the reminder jobs and the host side of the scheduler's interfaces.</summary>
internal static class SchedulingHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Lease >= TimeSpan.FromMilliseconds(300) && o.PollInterval > TimeSpan.Zero && o.StartDelay >= TimeSpan.Zero, "Reminders: Lease must be at least 300 ms, PollInterval positive, StartDelay not negative.")
            .Validate(o => o.RateLimits.Values.Append(o.DefaultRateLimit).OfType<ChannelRateLimit>().All(l => l.Permits > 0 && l.Window >= TimeSpan.FromMilliseconds(1) && Enum.IsDefined(l.Scope)), "Reminders:RateLimits: every limit needs Permits > 0, a Window of at least 1 ms and Scope Channel or Conversation.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value);

        // Retries are configured once for every delivery (Delivery:Retry); the keys reminders had before still apply when
        // the new ones are not set.
        services.AddOptions<RetryOptions>().PostConfigure<IConfiguration>((retry, configuration) =>
        {
            var delivery = configuration.GetSection(RetryOptions.SectionName);
            var legacy = configuration.GetSection(ReminderOptions.SectionName);
            if (delivery[nameof(RetryOptions.MaxAttempts)] is null && legacy.GetValue<int?>("MaxAttempts") is { } attempts)
            {
                retry.MaxAttempts = attempts;
            }

            if (delivery[nameof(RetryOptions.Backoff)] is null && legacy.GetValue<TimeSpan?>("RetryBackoff") is { } backoff)
            {
                retry.Backoff = backoff;
            }

            if (delivery[nameof(RetryOptions.MaxDelay)] is null && legacy.GetValue<TimeSpan?>("MaxRetryDelay") is { } maxDelay)
            {
                retry.MaxDelay = maxDelay;
            }
        });

        // The catalog over every document of the corpus ("我的待办" for a member); a branch's own catalog, narrowed to the
        // documents that bind it, comes from BranchDutyCatalogs. The knowledge base may be registered after this area.
        services.AddSingleton(sp => sp.GetService<IKnowledgeBase>() is { } kb ? new BranchDutyCatalogs(kb) : new BranchDutyCatalogs([], []));
        services.AddSingleton<ITrackedDutyCatalog>(sp => sp.GetService<IKnowledgeBase>() is { } kb ? new KnowledgeBaseDutyCatalog(kb) : new KnowledgeDutyCatalog([]));

        // The shipped table, the notices operators load (kept in the store, read every minute by each instance) and, for a
        // year without a notice, the statutory days computed from the law.
        services.AddSingleton(_ => WorkingCalendar.LoadDefault());
        services.AddSingleton<IHolidayNoticeStore, RedisHolidayNoticeStore>();
        services.AddSingleton<HolidayCalendarRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<HolidayCalendarRefresher>());
        services.AddSingleton<IMemberDirectory, RosterMemberDirectory>();
        services.AddSingleton<IReminderSender, ProactiveReminderSender>();

        // The words: the scheduler plans typed reminders and settings outcomes, the host words them and reads chat answers.
        services.AddSingleton<IReminderWording, ReminderWording>();
        services.AddSingleton<ReminderSettingsService>();
        services.AddSingleton<ReminderResponseService>();

        // Planner, stores, delivery, triggers, Quartz and the hosted services: one wiring shared with the tests that run
        // a real Quartz scheduler (tests/Scheduler.Tests/Jobs).
        var enabled = builder.Configuration.GetValue($"{ReminderOptions.SectionName}:{nameof(ReminderOptions.Enabled)}", true);
        services.AddReminderScheduler(enabled);

        // The reminder commands in chat: ordinary commands of the conversation's table. (The reminder buttons are the
        // conversation's own: they record through its one authorization point.)
        services.AddChatCommand<ReminderSettingsCommand>();
        services.AddChatCommand<ShowPlanCommand>();
        services.AddChatCommand<MemberProfileCommand>();

        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReminderAdminEndpoints();
        endpoints.MapCalendarAdminEndpoints();
        endpoints.MapMemberProfileEndpoints();
        return endpoints;
    }
}
