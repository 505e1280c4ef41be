using System.ComponentModel.DataAnnotations;
using PartyAffairs.Bot.Channels.Delivery;

namespace PartyAffairs.Bot.Channels.DingTalk;

/// <summary>
/// DingTalk configuration (section <c>DingTalk</c>). Without <see cref="AppKey"/> and <see cref="AppSecret"/> the robot
/// endpoint answers 404; without <see cref="GroupWebhookUrl"/> no group notices are posted.
/// </summary>
public sealed class DingTalkOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DingTalk";

    /// <summary>The enterprise-internal app's AppKey (also the default robot code).</summary>
    public string? AppKey { get; set; }

    /// <summary>The app's AppSecret: signs callbacks and obtains access tokens. Never logged.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The robot code for one-to-one and group messages through the OpenAPI; defaults to <see cref="AppKey"/>.</summary>
    public string? RobotCode { get; set; }

    /// <summary>OpenAPI base (token, robot messages).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.dingtalk.com/");

    /// <summary>Old-style server API base (<c>topapi/v2/user/get</c>, for binding by mobile number).</summary>
    public Uri ContactApiBaseUrl { get; set; } = new("https://oapi.dingtalk.com/");

    /// <summary>Replies go to a callback's sessionWebhook only when it starts with this (no other host is ever called).</summary>
    public Uri SessionWebhookBaseUrl { get; set; } = new("https://oapi.dingtalk.com/");

    /// <summary>A custom group robot webhook (<c>https://oapi.dingtalk.com/robot/send?access_token=…</c>) for group notices.</summary>
    public Uri? GroupWebhookUrl { get; set; }

    /// <summary>The group robot's 加签 secret (<c>SEC…</c>); the URL is signed with it. Never logged.</summary>
    public string? GroupWebhookSecret { get; set; }

    /// <summary>Largest callback body accepted.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest message text sent in one message; longer texts are split on character boundaries.</summary>
    [Range(256, 20_000)]
    public int MaxMessageBytes { get; set; } = 4000;

    /// <summary>OpenAPI calls per <see cref="AppWindow"/> for the whole app.</summary>
    [Range(1, 10_000)]
    public int AppLimit { get; set; } = 20;

    /// <summary>Window of <see cref="AppLimit"/>.</summary>
    public TimeSpan AppWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Staff ids per one-to-one batch send (the API takes at most 20).</summary>
    [Range(1, 20)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Group robot messages per <see cref="GroupRobotWindow"/> (DingTalk: 20 a minute).</summary>
    [Range(1, 1000)]
    public int GroupRobotLimit { get; set; } = 20;

    /// <summary>Window of <see cref="GroupRobotLimit"/>.</summary>
    public TimeSpan GroupRobotWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a group robot stays blocked once DingTalk says it was too fast.</summary>
    public TimeSpan GroupRobotBlock { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries of failed sends.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Binding unbound staff ids by the mobile number in DingTalk's contacts (needs the personal information permission).</summary>
    public MobileBindingOptions MobileBinding { get; set; } = new();

    /// <summary>True when the robot (callbacks and app messages) is configured.</summary>
    public bool IsEnabled => !string.IsNullOrEmpty(AppKey) && !string.IsNullOrEmpty(AppSecret);

    /// <summary>True when group notices can be posted.</summary>
    public bool HasGroupRobot => GroupWebhookUrl is not null;

    /// <summary>The robot code used with the OpenAPI.</summary>
    public string EffectiveRobotCode => string.IsNullOrEmpty(RobotCode) ? AppKey ?? string.Empty : RobotCode;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AppKey) != string.IsNullOrEmpty(AppSecret))
        {
            yield return new ValidationResult("DingTalk:AppKey and DingTalk:AppSecret must be set together.");
        }

        if (!ApiBaseUrl.IsAbsoluteUri || !ContactApiBaseUrl.IsAbsoluteUri || !SessionWebhookBaseUrl.IsAbsoluteUri || GroupWebhookUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("DingTalk URLs must be absolute.");
        }

        if (!string.IsNullOrEmpty(GroupWebhookSecret) && GroupWebhookUrl is null)
        {
            yield return new ValidationResult("DingTalk:GroupWebhookSecret needs DingTalk:GroupWebhookUrl.");
        }

        if (MobileBinding.Timeout <= TimeSpan.Zero || MobileBinding.RetryAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("DingTalk:MobileBinding:Timeout must be positive and RetryAfter not negative.");
        }

        if (AppWindow <= TimeSpan.Zero || GroupRobotWindow <= TimeSpan.Zero || GroupRobotBlock < TimeSpan.Zero)
        {
            yield return new ValidationResult("DingTalk rate-limit windows must be positive.");
        }
    }
}
