using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PartyAffairs.Delivery.Pacing;
using PartyAffairs.Delivery.Retry;

namespace PartyAffairs.Delivery;

/// <summary>Composition of reliable delivery: the process's instance id, the shared pacer and the one retry policy.</summary>
public static class DeliveryHosting
{
    /// <summary>
    /// Registers <see cref="DeliveryInstance"/>, <see cref="SharedRateLimiter"/> and <see cref="DeliveryRetry"/> (section
    /// <c>Delivery:Retry</c>); calling it again does nothing. The host provides the store (<c>IConnectionMultiplexer</c>)
    /// and, optionally, its <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(DeliveryInstance)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new DeliveryInstance());
        services.AddSingleton<SharedRateLimiter>();
        services.AddOptions<RetryOptions>().BindConfiguration(RetryOptions.SectionName)
            .Validate(o => !o.Problems().Any(), "Delivery:Retry: MaxAttempts must be 1–10, Backoff positive and MaxDelay at least Backoff.")
            .ValidateOnStart();
        services.AddSingleton(sp => new DeliveryRetry(sp.GetRequiredService<IOptions<RetryOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
