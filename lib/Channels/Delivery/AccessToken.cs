namespace PartyAffairs.Channels.Delivery;

/// <summary>A platform access token and how long the platform said it lives.</summary>
public sealed record AccessToken(string Value, TimeSpan ExpiresIn);
