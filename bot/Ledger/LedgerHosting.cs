using Microsoft.Extensions.Options;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.Conversation.Commands.Ledger;
using PartyAffairs.Bot.State;
using PartyAffairs.Knowledge;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Completion;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Export;
using PartyAffairs.Ledger.Notices;
using PartyAffairs.Ledger.Records;
using PartyAffairs.Ledger.Roster;
using PartyAffairs.Ledger.Storage;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Completion;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// Composition of the Ledger area: the system of record (records, dues, study hours, completions) in SQLite under
/// <c>Storage:DataDir</c>, or in PostgreSQL when <c>ConnectionStrings:Ledger</c> is set; its services and admin endpoints.
/// The scheduler and the conversation read and write completions through it (<see cref="ICompletionLedger"/>).
/// </summary>
internal static class LedgerHosting
{
    /// <summary>The connection-string name of a PostgreSQL ledger (<c>ConnectionStrings:Ledger</c>).</summary>
    public const string ConnectionStringName = "Ledger";

    /// <summary>The SQLite file's name under <c>Storage:DataDir</c>.</summary>
    public const string SqliteFileName = "ledger.db";

    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddLedger(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DuesOptions>().BindConfiguration(DuesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DuesOptions>>().Value);

        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LedgerHosting));
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            LedgerDatabase database;
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var path = Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDir), SqliteFileName);
                database = LedgerDatabase.ForSqlite(path);
                LedgerLog.UsingSqlite(logger, path);
            }
            else
            {
                database = LedgerDatabase.ForPostgres(connectionString);
                LedgerLog.UsingPostgres(logger);
            }

            // An upgraded deployment's completions come over from Redis before anything else uses the ledger.
            new RedisCompletionImport(sp.GetRequiredService<IConnectionMultiplexer>())
                .AttachTo(database, o => LedgerLog.Imported(logger, o.Records, o.Occurrences, o.Written, o.Skipped));
            return database;
        });
        services.AddSingleton<SqlCompletionLedger>();
        services.AddSingleton<ICompletionLedger>(sp => sp.GetRequiredService<SqlCompletionLedger>());

        services.AddSingleton<IBranchRoster, RosterBranches>();
        services.AddSingleton<BranchScopes>();
        services.AddSingleton(sp => sp.GetService<IKnowledgeBase>() is { } kb ? new StudyQuotaResolver(kb) : new StudyQuotaResolver([], []));
        services.AddSingleton<DuesCalculator>();
        services.AddSingleton<RecordService>();
        services.AddSingleton<DuesService>();
        services.AddSingleton<StudyService>();
        services.AddSingleton<CompletionHistory>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<LedgerExport>();

        services.AddSingleton<LedgerDownloads>();
        StudyHoursReminderSender.Decorate(services);

        // The chat side: what secretaries and members do with the 台账 in conversation.
        services.AddChatCommand<RecordCommand>();
        services.AddChatCommand<AcknowledgeNoticeCommand>();
        services.AddChatCommand<NoticeStatusCommand>();
        services.AddChatCommand<UndoRecordCommand>();
        services.AddChatCommand<AttendanceCommand>();
        services.AddChatCommand<DuesPaymentCommand>();
        services.AddChatCommand<UndoPaymentCommand>();
        services.AddChatCommand<MyDuesCommand>();
        services.AddChatCommand<DuesProfileCommand>();
        services.AddChatCommand<StudyCommand>();
        services.AddChatCommand<MyStudyCommand>();
        services.AddChatCommand<PastStatusCommand>();
        services.AddChatCommand<ExportLedgerCommand>();

        services.AddHostedService<LedgerStartup>();
        services.AddHealthChecks().AddCheck<LedgerHealthCheck>(LedgerHealthCheck.Name);
        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLedgerEndpoints();
        endpoints.MapLedgerDownloads();
        return endpoints;
    }
}
