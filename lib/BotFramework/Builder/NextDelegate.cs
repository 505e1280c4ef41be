namespace PartyAffairs.BotFramework.Builder;

/// <summary>Runs the rest of the turn pipeline: the next middleware, or the bot after the last one.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "BotBuilder's name, so the SDK can replace this layer.")]
public delegate Task NextDelegate(CancellationToken cancellationToken);
