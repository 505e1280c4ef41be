using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.ChatPage;
using PartyAffairs.BotFramework.Connector;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Http;
using StackExchange.Redis;

namespace PartyAffairs.BotFramework;

/// <summary>
/// Composition of the Bot Framework protocols: the connector endpoint (<c>/api/messages</c>), Direct Line 3.0 under
/// <c>/v3/directline</c> and the chat page's token endpoint (<c>/api/chat/token</c>). The application registers its
/// <see cref="IBot"/>; until it does, a placeholder answers with <see cref="ProtocolTexts.NotConfigured"/>.
/// </summary>
public static class BotFrameworkHosting
{
    /// <summary>Registers the protocols' services and options (sections <c>BotFramework</c> and <c>DirectLine</c>); calling it again does nothing.</summary>
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(BotFrameworkHttpAdapter)))
        {
            return builder;
        }

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
        services.AddOptions<ProtocolTexts>()
            .Validate(t => t.IsComplete, "ProtocolTexts: every text must be set.")
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
        services.AddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton(sp => new AttemptThrottle(sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<BotTokenProvider>(), sp.GetRequiredService<ServiceUrlPolicy>(),
            sp.GetRequiredService<TimeProvider>()));
        // Every adapter runs the host's turn pipeline: its middleware and its error handler (until the host sets one,
        // the default logs and answers with ProtocolTexts.ServiceUnavailable).
        services.TryAddSingleton<ITurnErrorHandler, DefaultTurnErrorHandler>();
        services.AddSingleton(sp => new BotFrameworkHttpAdapter(
            sp.GetRequiredService<ConnectorClient>(), sp.GetRequiredService<ChannelTokenValidator>(), sp.GetRequiredService<ServiceUrlPolicy>(),
            sp.GetRequiredService<MemberRateLimiter>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<IOptions<ProtocolTexts>>(), sp.GetRequiredService<ILogger<BotFrameworkHttpAdapter>>())
            .UseTurnPipeline(sp));
        services.AddSingleton<UnconfiguredBot>();

        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<MemberRateLimiter>();
        services.AddSingleton<DirectLineStream>();
        services.AddSingleton<IDirectLineStore>(sp =>
        {
            // Transcripts go to the host's Redis when it registered one; otherwise a bounded in-memory store.
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
            sp.GetRequiredService<IOptions<DirectLineOptions>>())
            .UseTurnPipeline(sp));
        return builder;
    }

    /// <summary>Maps the protocols' endpoints, with the WebSocket and CORS middleware the Direct Line stream and Web Chat need.</summary>
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder app)
        {
            app.UseWebSockets();
            app.UseCors();
            // Every endpoint of the host, the application's included, gets a body cap (its own or the default).
            app.UseRequestBodyLimits();
        }

        endpoints.MapPost("/api/messages", (HttpRequest request, BotFrameworkHttpAdapter adapter, IServiceProvider services, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, services.GetService<IBot>() ?? services.GetRequiredService<UnconfiguredBot>(), cancellationToken))
            .WithRequestBodyLimit(ActivityRequestReader.MaxBodyBytes);
        endpoints.MapDirectLineApi();
        endpoints.MapChatPageApi();
        return endpoints;
    }
}
