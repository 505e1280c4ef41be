using PartyAffairs.BotFramework.Http;

namespace PartyAffairs.Bot.Admin;

/// <summary>The admin API's answer to a body over the endpoint's cap, chunked or not: <c>413 {"error": "请求体过大。"}</c>.</summary>
internal sealed class BodyTooLargeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e) when (RequestBodyTooLargeException.IsTooLarge(e))
        {
            return Results.Json(new AdminError(AdminMessages.BodyTooLarge), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
    }
}
