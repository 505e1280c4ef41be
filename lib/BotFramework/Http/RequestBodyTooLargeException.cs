namespace PartyAffairs.BotFramework.Http;

/// <summary>A request body went over its endpoint's limit (a 413, like Kestrel's own limit reports it).</summary>
public sealed class RequestBodyTooLargeException : BadHttpRequestException
{
    /// <summary>The body is larger than <paramref name="maxBytes"/>.</summary>
    public RequestBodyTooLargeException(long maxBytes)
        : base($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge) => MaxBytes = maxBytes;

    /// <summary>The endpoint's limit.</summary>
    public long MaxBytes { get; }

    /// <summary>True for this exception and for Kestrel's own 413 (<see cref="BadHttpRequestException"/>).</summary>
    public static bool IsTooLarge(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
}
