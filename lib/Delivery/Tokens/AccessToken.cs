namespace PartyAffairs.Delivery.Tokens;

/// <summary>An access token and how long its issuer said it lives.</summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresIn">Its lifetime from when it was issued.</param>
public sealed record AccessToken(string Value, TimeSpan ExpiresIn);
