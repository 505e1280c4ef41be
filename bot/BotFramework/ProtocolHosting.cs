using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAffairs.Bot.BotFramework.Builder;
using PartyAffairs.Bot.BotFramework.ChatPage;
using PartyAffairs.Bot.BotFramework.Connector;
using PartyAffairs.Bot.BotFramework.DirectLine;
using PartyAffairs.Bot.BotFramework.Http;
using PartyAffairs.Bot.Channels;
using StackExchange.Redis;

namespace PartyAffairs.Bot.BotFramework;

/// <summary>Composition of the BotFramework area: the connector endpoint (/api/messages), Direct Line 3.0 and the chat page.</summary>
internal static class ProtocolHosting
{
    /// <summary>Registers the area's services.</summary>
    public static WebApplicationBuilder AddBotProtocols(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<BotFrameworkOptions>()
            .Bind(builder.Configuration.GetSection(BotFrameworkOptions.SectionName))
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // Azure Bot Service samples keep these two at the configuration root.
                options.MicrosoftAppId ??= configuration["MicrosoftAppId"];
                options.MicrosoftAppPassword ??= configuration["MicrosoftAppPassword"];
            })
            .Validate(o => !o.IsAuthenticationEnabled || !string.IsNullOrEmpty(o.MicrosoftAppPassword), "BotFramework:MicrosoftAppPassword is required with an app id.")
            .Validate(o => Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out _), "BotFramework:OpenIdMetadataUrl must be an absolute URL.")
            .Validate(o => Uri.TryCreate(o.TokenEndpoint, UriKind.Absolute, out _), "BotFramework:TokenEndpoint must be an absolute URL.")
            .Validate(o => o.ValidIssuers.Count > 0, "BotFramework:ValidIssuers must name at least one issuer.")
            .ValidateOnStart();
        services.AddOptions<DirectLineOptions>()
            .Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "DirectLine:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        services.AddCors(cors => cors.AddPolicy(DirectLineApi.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(ChannelTokenValidator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton<ActivityClock>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton(sp => new BotFrameworkHttpAdapter(
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<ChannelTokenValidator>(), sp.GetRequiredService<MemberRateLimiter>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<ILogger<BotFrameworkHttpAdapter>>()));

        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<MemberRateLimiter>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<IDirectLineStore>(sp =>
        {
            // Transcripts go to the host's Redis when the State area registered one; otherwise a bounded in-memory store.
            var logger = sp.GetRequiredService<ILogger<DirectLineAdapter>>();
            if (sp.GetService<IConnectionMultiplexer>() is { } redis)
            {
                ProtocolLog.TranscriptStore(logger, "Redis");
                return new RedisDirectLineStore(redis, sp.GetRequiredService<IOptions<DirectLineOptions>>(), sp.GetRequiredService<TimeProvider>());
            }

            ProtocolLog.TranscriptStore(logger, "memory (bounded, lost on restart)");
            return ActivatorUtilities.CreateInstance<InMemoryDirectLineStore>(sp);
        });
        services.AddSingleton(sp => new DirectLineAdapter(
            sp.GetRequiredService<IDirectLineStore>(), sp.GetRequiredService<ConversationSignals>(), sp.GetRequiredService<ActivityClock>(),
            sp.GetRequiredService<IOptions<DirectLineOptions>>()));

        foreach (var channelId in new[] { DirectLineAdapter.ChannelId, "webchat" })
        {
            services.AddSingleton<IChannelSender>(sp => new DirectLineChannelSender(channelId, sp.GetRequiredService<DirectLineAdapter>(), sp.GetRequiredService<IDirectLineStore>()));
        }

        var connectorChannels = new HashSet<string>(["emulator", "msteams"], StringComparer.Ordinal);
        connectorChannels.UnionWith(builder.Configuration.GetSection($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.ConnectorChannels)}").Get<string[]>() ?? []);
        foreach (var channelId in connectorChannels)
        {
            services.AddSingleton<IChannelSender>(sp => new ConnectorChannelSender(channelId, sp.GetRequiredService<ConnectorClient>()));
        }

        return builder;
    }

    /// <summary>Maps the area's endpoints.</summary>
    public static IEndpointRouteBuilder MapBotProtocols(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints is IApplicationBuilder app)
        {
            // The stream needs the WebSocket middleware; the chat page and the Web Chat bundle are static files.
            app.UseWebSockets();
            app.UseCors();
            app.UseDefaultFiles();
            app.UseStaticFiles();
            var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
            if (!environment.WebRootFileProvider.GetFileInfo("lib/webchat.js").Exists)
            {
                ProtocolLog.WebChatBundleMissing(app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProtocolHosting)));
            }
        }

        endpoints.MapPost("/api/messages", (HttpRequest request, BotFrameworkHttpAdapter adapter, IServiceProvider services, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, services.GetService<IBot>() ?? UnconfiguredBot.Instance, cancellationToken));
        endpoints.MapDirectLineApi();
        endpoints.MapChatPageApi();
        return endpoints;
    }
}
