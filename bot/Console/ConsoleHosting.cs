using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using PartyAffairs.Bot.Conversation.Commands;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// Composition of the web console (<c>/console</c>): Razor Pages under <c>Console/Pages</c> (static server rendering,
/// antiforgery on every form), sessions in Redis, the sign-in links sent by the chat command 管理台, its stylesheet
/// and script served from the assembly (no CDN).
/// </summary>
internal static class ConsoleHosting
{
    /// <summary>The data-protection keys' folder under <c>Storage:DataDir</c>.</summary>
    public const string KeysFolder = "console-keys";

    /// <summary>Registers the console's services, pages and chat command.</summary>
    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ConsoleSignInLinks>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ConsoleOverview>();
        services.AddSingleton<ConsoleNotices>();
        services.AddScoped<ConsoleAccessFilter>();
        services.AddChatCommand<ConsoleCommand>();

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Console/Pages";
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ConsoleAccessFilter)));
        });
        // Antiforgery tokens are protected with keys kept in the data folder, so forms survive a restart and instances
        // sharing the folder accept each other's tokens.
        var dataDir = builder.Configuration[$"{StorageOptions.SectionName}:DataDir"] is { Length: > 0 } configured ? configured : new StorageOptions().DataDir;
        var keys = Path.Combine(Path.GetFullPath(dataDir), KeysFolder);
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only, like admin-token and link-key beside it: the keys are stored unencrypted on purpose.
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection().SetApplicationName("PartyAffairs.Bot").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);

        // Chinese text is written as is, not as numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pa_console_af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__af";
        });
        return builder;
    }

    /// <summary>Maps the pages and the console's static assets.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        // An endpoint, not the static-file middleware: the console's catch-all 404 page would otherwise take these paths.
        var assets = new EmbeddedFileProvider(typeof(ConsoleHosting).Assembly, "PartyAffairs.Bot.WebConsole.Assets");
        var types = new FileExtensionContentTypeProvider();
        app.MapGet("/console/assets/{name}", (string name, HttpContext context) =>
        {
            var file = assets.GetFileInfo(name);
            if (!file.Exists || !types.TryGetContentType(name, out var type))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(file.CreateReadStream(), type + (type.StartsWith("text/", StringComparison.Ordinal) ? "; charset=utf-8" : ""));
        });
        app.MapRazorPages();
        return app;
    }
}
