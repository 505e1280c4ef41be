namespace PartyAffairs.BotFramework.Builder;

/// <summary>Work to run inside a turn, for example a proactive message.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
