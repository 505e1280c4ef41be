using System.Text.RegularExpressions;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels.Delivery;

namespace PartyAffairs.Channels.Tests;

/// <summary>The channel layer's texts (neutral English until the application sets its own) and its group-robot settings.</summary>
public sealed partial class ChannelTextsTests
{
    [Fact]
    public void Defaults_AreCompleteAndCarryNoChinese()
    {
        var texts = new ChannelTexts();

        Assert.True(texts.IsComplete);
        Assert.All(new[] { texts.TextOnly, texts.Unavailable, texts.ReplyHintPrefix, texts.ReplyOptionFormat, texts.DefaultTitle }, t => Assert.DoesNotMatch(Han(), t));
    }

    [Fact]
    public void WithReplyHint_CustomTexts_AreUsed()
    {
        var activity = Activity.CreateMessageActivity("Done?");
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes"), CardAction.ImBack("No")] };
        var texts = new ChannelTexts { ReplyHintPrefix = "Reply: ", ReplyHintSeparator = " or ", ReplyOptionFormat = "[{0}]" };

        Assert.Equal("Done?\n\nReply: [Yes] or [No]", OutgoingText.From(activity)!.WithReplyHint(texts));
    }

    [Fact]
    public void ReplyOptionFormat_WithoutPlaceholder_IsIncomplete()
    {
        Assert.False(new ChannelTexts { ReplyOptionFormat = "quote" }.IsComplete);
    }

    [Theory]
    [InlineData("dingtalk", "b1", true)]
    [InlineData("WeCom", "b2", true)]
    [InlineData("teams", "b1", false)]
    [InlineData("dingtalk", " ", false)]
    public void GroupNoticeBranches_OnlyChannelsWithARobot_EachWithABranch(string channelId, string branchId, bool valid)
    {
        var options = new GroupNoticeOptions();
        options.AddRobotChannel("dingtalk");
        options.AddRobotChannel("wecom");
        options.Branches[channelId] = branchId;

        var result = new GroupNoticeOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Equal("Channels:GroupNotices:Branches takes the keys dingtalk and wecom, each with a branch id.", result.FailureMessage);
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
