namespace PartyAffairs.Tests.Channels;

/// <summary>One message a fake platform accepted: kind of endpoint, recipient, message type, text and arrival time.</summary>
public sealed record PlatformCall(int Sequence, string Kind, string To, string Type, string Text, DateTimeOffset At);
