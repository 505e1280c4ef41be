using System.ComponentModel.DataAnnotations;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.DingTalk;

/// <summary>
/// DingTalk configuration (section <c>DingTalk</c>). Without <see cref="AppKey"/> and <see cref="AppSecret"/> the robot
/// endpoint answers 404; without <see cref="PlatformOptions.GroupWebhookUrl"/> (a custom group robot,
/// <c>https://oapi.dingtalk.com/robot/send?access_token=…</c>) no group notices are posted.
/// </summary>
public sealed class DingTalkOptions : PlatformOptions
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
    public override Uri ApiBaseUrl { get; set; } = new("https://api.dingtalk.com/");

    /// <summary>Old-style server API base (<c>topapi/v2/user/get</c>, for binding by mobile number).</summary>
    public Uri ContactApiBaseUrl { get; set; } = new("https://oapi.dingtalk.com/");

    /// <summary>Replies go to a callback's sessionWebhook only when it starts with this (no other host is ever called).</summary>
    public Uri SessionWebhookBaseUrl { get; set; } = new("https://oapi.dingtalk.com/");

    /// <summary>The group robot's 加签 secret (<c>SEC…</c>); the URL is signed with it. Never logged.</summary>
    public string? GroupWebhookSecret { get; set; }

    /// <summary>Largest message text sent in one message; longer texts are split on character boundaries.</summary>
    [Range(256, 20_000)]
    public int MaxMessageBytes { get; set; } = 4000;

    /// <summary>Staff ids per one-to-one batch send (the API takes at most 20).</summary>
    [Range(1, 20)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a group robot stays blocked once DingTalk says it was too fast.</summary>
    public TimeSpan GroupRobotBlock { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>True when the robot (callbacks and app messages) is configured.</summary>
    public override bool IsEnabled => !string.IsNullOrEmpty(AppKey) && !string.IsNullOrEmpty(AppSecret);

    /// <summary>The robot code used with the OpenAPI.</summary>
    public string EffectiveRobotCode => string.IsNullOrEmpty(RobotCode) ? AppKey ?? string.Empty : RobotCode;

    /// <inheritdoc />
    protected override string Section => SectionName;

    /// <inheritdoc />
    protected override bool PlatformUrlsAreAbsolute() => ContactApiBaseUrl.IsAbsoluteUri && SessionWebhookBaseUrl.IsAbsoluteUri;

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidatePlatform()
    {
        if (string.IsNullOrEmpty(AppKey) != string.IsNullOrEmpty(AppSecret))
        {
            yield return new ValidationResult("DingTalk:AppKey and DingTalk:AppSecret must be set together.");
        }

        if (!string.IsNullOrEmpty(GroupWebhookSecret) && GroupWebhookUrl is null)
        {
            yield return new ValidationResult("DingTalk:GroupWebhookSecret needs DingTalk:GroupWebhookUrl.");
        }

        if (GroupRobotBlock < TimeSpan.Zero)
        {
            yield return new ValidationResult("DingTalk:GroupRobotBlock must not be negative.");
        }
    }
}
