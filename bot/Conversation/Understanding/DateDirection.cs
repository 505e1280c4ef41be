namespace PartyAffairs.Bot.Conversation.Understanding;

/// <summary>Which way an incomplete date (周五, 12月3日, 11月) is resolved from today.</summary>
public enum DateDirection
{
    /// <summary>The latest such day on or before today (completions, records, status): 12月3日 said in January is last year's.</summary>
    Past,

    /// <summary>The next such day on or after today (leave, schedule questions); a day up to two weeks back still counts as this one.</summary>
    Future,
}
