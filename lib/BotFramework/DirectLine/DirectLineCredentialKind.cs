namespace PartyAffairs.BotFramework.DirectLine;

/// <summary>The outcome of reading a Direct Line <c>Authorization</c> header or stream <c>t</c> parameter.</summary>
internal enum DirectLineCredentialKind
{
    /// <summary>No credential, or not a bearer header: 401.</summary>
    Missing,

    /// <summary>Neither the secret nor a token this service signed: 403.</summary>
    Invalid,

    /// <summary>A token this service signed whose lifetime is over: 403 <c>TokenExpired</c>.</summary>
    Expired,

    /// <summary>The configured secret.</summary>
    Secret,

    /// <summary>A valid token.</summary>
    Token,
}
