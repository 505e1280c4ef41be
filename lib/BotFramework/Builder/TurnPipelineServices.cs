using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// The host's turn pipeline as services: the middleware and the error handler every adapter runs. The libraries apply
/// them to each adapter they create (<see cref="UseTurnPipeline{TAdapter}"/>), so the application declares its pipeline
/// once for the connector, Direct Line and every platform adapter.
/// </summary>
public static class TurnPipelineServices
{
    /// <summary>Adds a middleware to every adapter's pipeline, after those added before: the order of the calls is the order of the pipeline.</summary>
    public static IServiceCollection AddTurnMiddleware<TMiddleware>(this IServiceCollection services)
        where TMiddleware : class, IMiddleware
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TMiddleware>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<TMiddleware>());
        return services;
    }

    /// <summary>Makes <typeparamref name="THandler"/> every adapter's <see cref="BotAdapter.OnTurnError"/> (replacing the library's default).</summary>
    public static IServiceCollection AddTurnErrorHandler<THandler>(this IServiceCollection services)
        where THandler : class, ITurnErrorHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<THandler>();
        services.Replace(ServiceDescriptor.Singleton<ITurnErrorHandler>(sp => sp.GetRequiredService<THandler>()));
        return services;
    }

    /// <summary>
    /// Gives <paramref name="adapter"/> the registered middleware (in registration order) and error handler; returns it.
    /// Both are resolved at the adapter's first turn, not here: adapters are created while the host composes its services
    /// (a proactive sender needs one), and the middleware or the handler may depend on those same services.
    /// </summary>
    public static TAdapter UseTurnPipeline<TAdapter>(this TAdapter adapter, IServiceProvider services)
        where TAdapter : BotAdapter
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(services);
        adapter.Use(new RegisteredMiddleware(services));
        var handler = new Lazy<ITurnErrorHandler?>(services.GetService<ITurnErrorHandler>);
        // Without a handler the failure propagates, as with no OnTurnError at all.
        adapter.OnTurnError = (turnContext, exception) => handler.Value?.OnTurnErrorAsync(turnContext, exception) ?? Task.FromException(exception);
        return adapter;
    }

    /// <summary>The registered middleware as one, resolved on first use.</summary>
    private sealed class RegisteredMiddleware(IServiceProvider services) : IMiddleware
    {
        private readonly Lazy<MiddlewareSet> _set = new(() =>
        {
            var set = new MiddlewareSet();
            foreach (var middleware in services.GetServices<IMiddleware>())
            {
                set.Use(middleware);
            }

            return set;
        });

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            _set.Value.OnTurnAsync(turnContext, next, cancellationToken);
    }
}
