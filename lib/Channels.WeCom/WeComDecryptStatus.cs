namespace PartyAffairs.Channels.WeCom;

/// <summary>Why a WeCom ciphertext was or was not accepted.</summary>
public enum WeComDecryptStatus
{
    /// <summary>Decrypted, well formed, addressed to our receive id.</summary>
    Ok,

    /// <summary>Not base64, not whole AES blocks, bad padding or a length that does not fit: tampered or wrong key.</summary>
    Malformed,

    /// <summary>Decrypted, but for another corp (receive id differs).</summary>
    WrongReceiver,
}
