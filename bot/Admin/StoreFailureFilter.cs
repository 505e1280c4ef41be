using StackExchange.Redis;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// The admin API's answer while the store is down: <c>503 {"error": "存储暂时不可用，请稍后再试。"}</c> instead of a 500 with an
/// empty body. Every admin endpoint group carries it (<see cref="AdminGroups.MapAdminGroup"/>).
/// </summary>
internal sealed class StoreFailureFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Results.Json(new AdminError(AdminMessages.StoreUnavailable), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
