using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.BotFramework;
using PartyAffairs.Bot.Channels;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Knowledge;
using PartyAffairs.Bot.Ledger;
using PartyAffairs.Bot.Scheduling;
using PartyAffairs.Bot.State;

if (args is ["knowledge", ..]) { Environment.ExitCode = await KnowledgeCli.RunAsync(args[1..]); return; }

// The host composes every area; each area's wiring lives in its own *Hosting file.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHealthChecks();

builder
    .AddKnowledgeBase()
    .AddStateStore()
    .AddBotProtocols()
    .AddChannels()
    .AddConversations()
    .AddAdminApi()
    .AddReminders()
    .AddLedger();

var app = builder.Build();

app.MapHealthChecks("/healthz");
app.MapKnowledgeApi();
app.MapStateEndpoints();
app.MapBotProtocols();
app.MapChannelEndpoints();
app.MapConversationEndpoints();
app.MapAdminApi();
app.MapReminderEndpoints();
app.MapLedgerApi();

await app.RunAsync();
