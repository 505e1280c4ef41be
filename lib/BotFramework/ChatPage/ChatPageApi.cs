using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using PartyAffairs.BotFramework.DirectLine;
using PartyAffairs.BotFramework.Http;
using PartyAffairs.BotFramework.Schema;

namespace PartyAffairs.BotFramework.ChatPage;

/// <summary>
/// The chat page's token endpoint, <c>POST /api/chat/token</c>: issues a Direct Line token for one user and conversation
/// so the page never sees the secret. A returning browser sends back the random user id and conversation id it was given
/// and resumes that conversation (and so sees proactive messages sent there while it was away).
/// </summary>
internal static partial class ChatPageApi
{
    /// <summary>The largest token request accepted (it carries two ids).</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapChatPageApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/chat/token", IssueTokenAsync).WithRequestBodyLimit(MaxBodyBytes);
        return endpoints;
    }

    private static async Task<IResult> IssueTokenAsync(
        HttpContext context, DirectLineTokenService tokens, IDirectLineStore store, AttemptThrottle throttle, IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        context.Response.Headers.CacheControl = "no-store";
        // Anyone may ask, and each token is a new chat user: a per-address budget keeps one client from minting users.
        var rule = new AttemptRule($"chat-token:{ClientAddress.Of(context)}", options.Value.ChatTokensPerAddress, TimeSpan.FromSeconds(options.Value.ChatTokenWindowSeconds));
        var (allowed, retryAfter) = await throttle.TryAcquireAsync([rule]);
        if (!allowed)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ActivityRequestReader.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many chat tokens from this address; try again shortly.");
        }

        ChatTokenRequest? body = null;
        if (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            if (request.ContentLength is > MaxBodyBytes)
            {
                return ActivityRequestReader.Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "The body is too large.");
            }

            if (!ActivityRequestReader.IsJson(request.ContentType))
            {
                return ActivityRequestReader.Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be application/json.");
            }

            try
            {
                body = await JsonSerializer.DeserializeAsync<ChatTokenRequest>(request.Body, BotJson.Options, cancellationToken);
            }
            catch (JsonException)
            {
                return ActivityRequestReader.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON.");
            }
        }

        // Ids are 128-bit random values the server made; a malformed one is simply replaced.
        var userId = body?.UserId is { } u && UserIdPattern().IsMatch(u) ? u : DirectLineTokenService.NewUserId();
        var conversationId = DirectLineTokenService.NewConversationId();
        var resumed = false;
        if (body?.ConversationId is { } c && ConversationIdPattern().IsMatch(c))
        {
            try
            {
                if (await store.GetConversationAsync(c, cancellationToken) is { } existing && existing.UserId == userId)
                {
                    conversationId = c;
                    resumed = true;
                }
            }
            catch (DirectLineStoreUnavailableException)
            {
                return ActivityRequestReader.Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The conversation store is unavailable.");
            }
        }

        return Results.Json(new ChatTokenResponse(tokens.Issue(conversationId, userId), conversationId, userId, tokens.LifetimeSeconds, resumed), BotJson.Options);
    }

    [GeneratedRegex("^dl_[0-9a-f]{32}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ConversationIdPattern();
}
