using System.ComponentModel.DataAnnotations;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.WeCom;

/// <summary>
/// WeCom configuration (section <c>WeCom</c>). Without the app settings the callback answers 404; without
/// <see cref="PlatformOptions.GroupWebhookUrl"/> (a group robot, <c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</c>;
/// the key is a secret) no group notices are posted.
/// </summary>
public sealed class WeComOptions : PlatformOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "WeCom";

    /// <summary>The corp id (企业ID); also the receive id every callback ciphertext must carry.</summary>
    public string? CorpId { get; set; }

    /// <summary>The self-built app's AgentId.</summary>
    public int? AgentId { get; set; }

    /// <summary>The app's Secret, for access tokens. Never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The callback Token from the console. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The callback EncodingAESKey (43 characters). Never logged.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>API base (token, app messages, contacts).</summary>
    public override Uri ApiBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com/");

    /// <summary>How far a callback's timestamp may be from our clock (replay protection).</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromHours(1);

    /// <summary>App messages to one member per minute (WeCom drops what exceeds 30).</summary>
    [Range(1, 1000)]
    public int MemberLimitPerMinute { get; set; } = 30;

    /// <summary>App messages to one member per hour (WeCom drops what exceeds 1000).</summary>
    [Range(1, 100_000)]
    public int MemberLimitPerHour { get; set; } = 1000;

    /// <summary>Recipients per app message call (the API takes at most 1000).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>True when the app (callback and app messages) is configured.</summary>
    public override bool IsEnabled => MissingAppSettings().Count == 0;

    /// <inheritdoc />
    protected override string Section => SectionName;

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> ValidatePlatform()
    {
        var missing = MissingAppSettings();
        if (missing.Count is > 0 and < 5)
        {
            yield return new ValidationResult($"WeCom app settings are incomplete; missing {string.Join(", ", missing)}.");
        }

        if (!string.IsNullOrEmpty(EncodingAesKey) && !WeComCrypto.IsValidKey(EncodingAesKey))
        {
            yield return new ValidationResult("WeCom:EncodingAesKey must be the 43-character key from the console.");
        }

        if (TimestampTolerance <= TimeSpan.Zero)
        {
            yield return new ValidationResult("WeCom:TimestampTolerance must be positive.");
        }
    }

    private List<string> MissingAppSettings()
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(CorpId)) missing.Add("WeCom:CorpId");
        if (AgentId is null) missing.Add("WeCom:AgentId");
        if (string.IsNullOrEmpty(Secret)) missing.Add("WeCom:Secret");
        if (string.IsNullOrEmpty(Token)) missing.Add("WeCom:Token");
        if (string.IsNullOrEmpty(EncodingAesKey)) missing.Add("WeCom:EncodingAesKey");
        return missing;
    }
}
