using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PartyAffairs.Bot.State;
using StackExchange.Redis;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// The console's one authorization point, run before every page handler (GET and POST alike, after antiforgery):
/// no live session → the login page; a <c>{branchId}</c> the session may not see → 403; an unknown branch → 404;
/// the store or the ledger down → 503. Pages marked <see cref="ConsolePublicAttribute"/> skip the session check.
/// </summary>
internal sealed class ConsoleAccessFilter(ConsoleSessions sessions, RosterStore roster) : IAsyncPageFilter
{
    /// <summary>The session of the request, once the filter found it.</summary>
    public static ConsoleSession Session(HttpContext context) =>
        context?.Items[typeof(ConsoleSession)] as ConsoleSession ?? throw new InvalidOperationException("No console session in this request.");

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            if (!await AllowAsync(context))
            {
                return;
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            context.Result = StatusPage.Unavailable(http);
            return;
        }

        var executed = await next();
        if (executed.Exception is RedisException or TimeoutException && !executed.ExceptionHandled)
        {
            executed.Result = StatusPage.Unavailable(http);
            executed.ExceptionHandled = true;
        }
    }

    private async Task<bool> AllowAsync(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        var session = await sessions.FindAsync(http);
        if (session is not null)
        {
            http.Items[typeof(ConsoleSession)] = session;
        }

        if (context.ActionDescriptor.HandlerTypeInfo.IsDefined(typeof(ConsolePublicAttribute), inherit: false))
        {
            return true;
        }

        if (session is null)
        {
            context.Result = new RedirectResult(http.Request.PathBase + "/console/login?ended=1");
            return false;
        }

        if (context.RouteData.Values.TryGetValue("branchId", out var value) && value is string branchId)
        {
            if (!session.MaySee(branchId))
            {
                context.Result = StatusPage.Forbidden(http);
                return false;
            }

            if (await roster.GetBranchAsync(branchId, http.RequestAborted) is null)
            {
                context.Result = StatusPage.NotFound(http);
                return false;
            }
        }

        return true;
    }
}
