using System.Buffers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.Http;

/// <summary>Reads one activity from a request body, turning every kind of bad input into a clear 4xx, never an exception.</summary>
internal static class ActivityRequestReader
{
    /// <summary>The largest body accepted (64 KB); larger bodies get 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and parses the body; on failure <see cref="ActivityReadResult.Error"/> is the response to send.</summary>
    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The activity is larger than 64 KB.");
        }

        if (request.ContentLength is 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "MissingBody", "The request has no activity.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            return await ReadBodyAsync(request, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<ActivityReadResult> ReadBodyAsync(HttpRequest request, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        try
        {
            while (length <= MaxBodyBytes)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (BadHttpRequestException e) when (RequestBodyTooLargeException.IsTooLarge(e))
        {
            length = MaxBodyBytes + 1;
        }

        if (length > MaxBodyBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The activity is larger than 64 KB.");
        }

        if (length == 0)
        {
            return Fail(StatusCodes.Status400BadRequest, "MissingBody", "The request has no activity.");
        }

        if (!IsJson(request.ContentType))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The activity must be sent as application/json.");
        }

        Activity? activity;
        try
        {
            // A UTF-8 byte order mark is allowed (RFC 8259 lets parsers ignore it); the span reader would refuse it.
            var json = buffer.AsSpan(0, length);
            activity = JsonSerializer.Deserialize<Activity>(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, BotJson.Options);
        }
        catch (JsonException)
        {
            return Fail(StatusCodes.Status400BadRequest, "BadArgument", "The body is not a valid activity (malformed JSON).");
        }

        if (activity is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "MissingBody", "The request has no activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Fail(StatusCodes.Status400BadRequest, "MissingType", "The activity has no type.");
        }

        return new ActivityReadResult(activity, null);
    }

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>, with any parameters (charset).</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A JSON error response in the Bot Framework shape.</summary>
    public static IResult Error(int status, string code, string message) =>
        Results.Json(ErrorResponse.Create(code, message), BotJson.Options, statusCode: status);

    private static ActivityReadResult Fail(int status, string code, string message) => new(null, Error(status, code, message));
}
