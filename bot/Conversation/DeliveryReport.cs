namespace PartyAffairs.Bot.Conversation;

/// <summary>How a proactive send to several members went: delivered of total, and how many had no address.</summary>
internal sealed record DeliveryReport(int Delivered, int Total, int Unreachable);
