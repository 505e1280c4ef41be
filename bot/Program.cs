using PartyAffairs.Bot;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.ChatPage;
using PartyAffairs.Bot.WebConsole;
using PartyAffairs.Bot.Conversation;
using PartyAffairs.Bot.Knowledge;
using PartyAffairs.Bot.Ledger;
using PartyAffairs.Bot.Links;
using PartyAffairs.Bot.Operations;
using PartyAffairs.Bot.Scheduling;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework;
using PartyAffairs.Channels;
using PartyAffairs.Channels.DingTalk;
using PartyAffairs.Channels.WeCom;

if (args is ["knowledge", ..]) { Environment.ExitCode = await KnowledgeCli.RunAsync(args[1..]); return; }

// The host composes the libraries (lib/: protocols, channels, platform adapters) and its own areas; each one's
// wiring lives in its own *Hosting file.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHealthChecks();

builder
    .AddHostTexts()
    .AddKnowledgeBase()
    .AddStateStore()
    .AddLinks()
    .AddBotFramework()
    .AddChannels()
    .AddDingTalk()
    .AddWeCom()
    .AddConversations()
    .AddAdminApi()
    .AddReminders()
    .AddLedger()
    .AddConsole()
    .AddOperations(); // last: it counts the turns of the bot the areas above composed

var app = builder.Build();
if (!app.TryStartStore())
{
    // Refused (folder in use, nothing recoverable): logged once at Critical with what to do; no stack trace, and an exit
    // code the service unit does not restart on (deploy/partyaffairs-bot.service).
    await app.DisposeAsync();
    Environment.ExitCode = StoreStartException.ExitCode;
    return;
}

app.MapHealthChecks("/healthz");
app.MapKnowledgeApi();
app.MapStateEndpoints();
app.MapBotFramework();
app.MapChatPage();
app.MapDingTalk();
app.MapWeCom();
app.MapConversationEndpoints();
app.MapAdminApi();
app.MapReminderEndpoints();
app.MapLedgerApi();
app.MapConsole();
app.MapOperations();

await app.RunAsync();
