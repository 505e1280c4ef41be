using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Channels.Delivery;

/// <summary>
/// Settings every chat platform has (callback size, app and group robot pacing on the shared rate limiter, binding by
/// mobile number); each platform's options add its credentials, endpoints and own limits. Retries are configured once for
/// every delivery (<c>Delivery:Retry</c>).
/// </summary>
public abstract class PlatformOptions : IValidatableObject
{
    /// <summary>API base (tokens, app messages).</summary>
    public abstract Uri ApiBaseUrl { get; set; }

    /// <summary>A group robot webhook for group notices; its URL carries the robot's secret key or token.</summary>
    public Uri? GroupWebhookUrl { get; set; }

    /// <summary>Largest callback body accepted.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>API calls per <see cref="AppWindow"/> for the whole app.</summary>
    [Range(1, 10_000)]
    public int AppLimit { get; set; } = 20;

    /// <summary>Window of <see cref="AppLimit"/>.</summary>
    public TimeSpan AppWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Group robot messages per <see cref="GroupRobotWindow"/> (both platforms: 20 a minute).</summary>
    [Range(1, 1000)]
    public int GroupRobotLimit { get; set; } = 20;

    /// <summary>Window of <see cref="GroupRobotLimit"/>.</summary>
    public TimeSpan GroupRobotWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Binding unbound users by the mobile number in the platform's contacts.</summary>
    public MobileBindingOptions MobileBinding { get; set; } = new();

    /// <summary>True when the app (callback and app messages) is configured.</summary>
    public abstract bool IsEnabled { get; }

    /// <summary>True when group notices can be posted.</summary>
    public bool HasGroupRobot => GroupWebhookUrl is not null;

    /// <summary>The configuration section, named in validation messages.</summary>
    protected abstract string Section { get; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || GroupWebhookUrl is { IsAbsoluteUri: false } || !PlatformUrlsAreAbsolute())
        {
            yield return new ValidationResult($"{Section} URLs must be absolute.");
        }

        if (AppWindow <= TimeSpan.Zero || GroupRobotWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section} rate-limit windows must be positive.");
        }

        if (MobileBinding.Timeout <= TimeSpan.Zero || MobileBinding.RetryAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:MobileBinding:Timeout must be positive and RetryAfter not negative.");
        }

        foreach (var result in ValidatePlatform())
        {
            yield return result;
        }
    }

    /// <summary>False when one of the platform's own URLs is relative.</summary>
    protected virtual bool PlatformUrlsAreAbsolute() => true;

    /// <summary>The platform's own rules (credentials set together, its windows and keys).</summary>
    protected abstract IEnumerable<ValidationResult> ValidatePlatform();
}
