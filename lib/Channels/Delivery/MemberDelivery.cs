namespace PartyAffairs.Channels.Delivery;

/// <summary>How a message to one member went; <see cref="Failure"/> says why it did not arrive (no secrets, no text).</summary>
public sealed record MemberDelivery(string MemberId, string? ChannelId, bool Delivered, string? Failure);
