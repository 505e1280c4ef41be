using Microsoft.Extensions.Options;

namespace PartyAffairs.Channels.Delivery;

/// <summary>Checks that <see cref="GroupNoticeOptions.Branches"/> names only channels with a group robot, each with a branch id.</summary>
internal sealed class GroupNoticeOptionsValidator : IValidateOptions<GroupNoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, GroupNoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var robots = options.RobotChannels;
        if (options.Branches.All(b => robots.Contains(b.Key, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(b.Value)))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(robots.Count == 0
            ? $"{GroupNoticeOptions.SectionName}:Branches takes no keys: no channel with a group robot is registered."
            : $"{GroupNoticeOptions.SectionName}:Branches takes the keys {string.Join(" and ", robots)}, each with a branch id.");
    }
}
