namespace PartyAffairs.Bot.ChatPage;

/// <summary>The chat page (wwwroot: index.html and the official Web Chat bundle), served as static files.</summary>
internal static partial class ChatPageHosting
{
    /// <summary>Serves wwwroot; warns at start-up when the Web Chat bundle is missing.</summary>
    public static WebApplication MapChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        if (!app.Environment.WebRootFileProvider.GetFileInfo("lib/webchat.js").Exists)
        {
            WebChatBundleMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatPageHosting)));
        }

        return app;
    }

    [LoggerMessage(7, LogLevel.Warning, "The Web Chat bundle wwwroot/lib/webchat.js is missing; the chat page shows an installation notice (see deploy/fetch-webchat.sh)")]
    private static partial void WebChatBundleMissing(ILogger logger);
}
