using System.Text.Json;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// Admin endpoints of the conversation: GET/PUT a branch's conversation settings
/// (<c>/api/admin/branches/{branchId}/conversation</c>, body <c>{"statusViewers":["党支部书记","副书记","组织委员"]}</c>).
/// </summary>
internal static class ConversationAdminApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the endpoints behind the admin token.</summary>
    public static RouteGroupBuilder MapConversationAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminGroup("/api/admin/branches/{branchId}");
        group.MapGet("/conversation", GetAsync);
        group.MapPut("/conversation", PutAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(string branchId, RosterStore roster, ConversationSettingsStore settings, CancellationToken ct) =>
        await roster.GetBranchAsync(branchId, ct) is null
            ? Results.NotFound(new AdminError(AdminMessages.BranchNotFound))
            : Results.Json(await settings.GetAsync(branchId, ct), Json);

    private static async Task<IResult> PutAsync(string branchId, HttpRequest request, RosterStore roster, ConversationSettingsStore settings, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        BranchConversationSettings? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<BranchConversationSettings>(request.Body, Json, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return Results.BadRequest(new AdminError(Replies.StatusViewersUsage));
        }

        if (body is null || !await settings.SaveAsync(branchId, body, ct))
        {
            return Results.BadRequest(new AdminError(Replies.StatusViewersUsage));
        }

        return Results.Json(await settings.GetAsync(branchId, ct), Json);
    }
}
