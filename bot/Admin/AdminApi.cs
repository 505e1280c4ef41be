using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartyAffairs.Bot.Ledger;
using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Http;
using PartyAffairs.Ledger.Dues;

namespace PartyAffairs.Bot.Admin;

/// <summary>The admin HTTP API under /api/admin: branches, roster import, members and invite codes.</summary>
internal static partial class AdminApi
{
    /// <summary>Maps the endpoints, each behind the bearer-token and store-failure filters.</summary>
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminGroup("/api/admin");

        group.MapPost("/branches", CreateBranchAsync);
        group.MapGet("/branches", async (RosterStore roster, CancellationToken ct) => Results.Ok(await roster.ListBranchesAsync(ct)));
        group.MapGet("/branches/{branchId}/members", ListMembersAsync);
        group.MapGet("/branches/{branchId}/invites", ListInvitesAsync);
        group.MapPost("/branches/{branchId}/roster", ImportRosterAsync).WithRequestBodyLimit(RosterCsv.MaxBytes);
        group.MapPost("/members/{memberId}/invite", IssueInviteAsync);
        return group;
    }

    private static async Task<IResult> IssueInviteAsync(string memberId, RosterStore roster, CancellationToken ct)
    {
        if (await roster.IssueInviteAsync(memberId, ct) is not { } code)
        {
            return Results.NotFound(new AdminError(AdminMessages.MemberNotFound));
        }

        var member = await roster.GetMemberAsync(memberId, ct);
        var expiresAt = member is null ? null : (await roster.ListInvitesAsync(member.BranchId, ct)).FirstOrDefault(i => i.Code == code)?.ExpiresAt;
        return Results.Ok(new { memberId, inviteCode = code, expiresAt });
    }

    private static async Task<IResult> CreateBranchAsync(HttpRequest request, RosterStore roster, ILoggerFactory loggers, CancellationToken ct)
    {
        CreateBranchRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateBranchRequest>(ct);
        }
        catch (Exception e) when ((e is JsonException or InvalidOperationException or BadHttpRequestException) && !RequestBodyTooLargeException.IsTooLarge(e))
        {
            return Results.BadRequest(new AdminError(AdminMessages.BodyInvalid));
        }

        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            return Results.BadRequest(new AdminError(AdminMessages.BranchNameRequired));
        }

        if (name.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF'))
        {
            return Results.BadRequest(new AdminError(AdminMessages.BranchNameHasControl));
        }

        var id = string.IsNullOrWhiteSpace(body!.Id) ? "b" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) : body.Id.Trim();
        if (!BranchId().IsMatch(id))
        {
            return Results.BadRequest(new AdminError(AdminMessages.BranchIdInvalid));
        }

        var branch = await roster.CreateBranchAsync(id, name, ct);
        if (branch is null)
        {
            return Results.Conflict(new AdminError(AdminMessages.BranchExists));
        }

        var logger = loggers.CreateLogger(typeof(AdminApi));
        AdminLog.BranchCreated(logger, id);
        return Results.Created($"/api/admin/branches/{id}", branch);
    }

    private static async Task<IResult> ImportRosterAsync(string branchId, HttpRequest request, RosterStore roster, DuesService dues, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(AdminApi));
        if (request.ContentLength > RosterCsv.MaxBytes)
        {
            return Results.Json(new AdminError(AdminMessages.RosterTooLarge), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > RosterCsv.MaxBytes)
            {
                return Results.Json(new AdminError(AdminMessages.RosterTooLarge), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        RosterParseResult parsed;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (RosterXlsx.IsWorkbook(bytes, request.ContentType))
        {
            if (RosterXlsx.Parse(buffer.ToArray()) is not { } fromWorkbook)
            {
                return Results.BadRequest(new AdminError(AdminMessages.RosterXlsxInvalid));
            }

            parsed = fromWorkbook;
        }
        else if (RosterCsv.TryDecode(bytes, out var text))
        {
            parsed = RosterCsv.Parse(text);
        }
        else
        {
            return Results.BadRequest(new AdminError(AdminMessages.RosterNotUtf8));
        }

        if (!parsed.IsValid)
        {
            AdminLog.RosterRejected(logger, branchId, parsed.Errors.Count);
            return Results.BadRequest(new AdminError(AdminMessages.RosterInvalid, parsed.Errors));
        }

        if (parsed.Rows.Count == 0)
        {
            return Results.BadRequest(new AdminError(AdminMessages.RosterEmpty));
        }

        IReadOnlyList<ImportedMember> imported;
        try
        {
            imported = await roster.ImportAsync(branchId, parsed.Rows, ct);
        }
        catch (KeyNotFoundException)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        var created = imported.Count(i => i.Created);
        AdminLog.RosterImported(logger, branchId, created, imported.Count - created);
        var assessed = await RosterDuesImport.ApplyAsync(branchId, parsed, imported, dues, time, ct);
        var accounts = await roster.GetAccountsAsync(imported.Select(i => i.Member.Id), ct);
        var expiries = (await roster.ListInvitesAsync(branchId, ct)).ToDictionary(i => i.Code, i => i.ExpiresAt, StringComparer.Ordinal);
        var views = imported.Select(i => View(i.Member, accounts[i.Member.Id], i.InviteCode, i.InviteCode is { } c ? expiries.GetValueOrDefault(c) : null)).ToArray();
        return Results.Ok(new ImportResult(imported.Count, created, imported.Count - created, views) { DuesAssessed = assessed });
    }

    private static async Task<IResult> ListMembersAsync(string branchId, RosterStore roster, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        var members = await roster.ListMembersAsync(branchId, ct);
        var accountsTask = roster.GetAccountsAsync(members.Select(m => m.Id), ct);
        var invitesTask = roster.ListInvitesAsync(branchId, ct);
        var accounts = await accountsTask;
        var invites = (await invitesTask).ToLookup(i => i.MemberId, StringComparer.Ordinal);
        return Results.Ok(members.Select(m => invites[m.Id].FirstOrDefault() is { } invite
            ? View(m, accounts[m.Id], invite.Code, invite.ExpiresAt)
            : View(m, accounts[m.Id], null, null)).ToArray());
    }

    private static async Task<IResult> ListInvitesAsync(string branchId, RosterStore roster, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        var invitesTask = roster.ListInvitesAsync(branchId, ct);
        var members = (await roster.ListMembersAsync(branchId, ct)).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var invites = await invitesTask;
        return Results.Ok(invites
            .Where(i => members.ContainsKey(i.MemberId))
            .Select(i => new InviteView(i.Code, i.MemberId, members[i.MemberId].Name, members[i.MemberId].Role, i.ExpiresAt))
            .ToArray());
    }

    private static MemberView View(Member member, string[] accounts, string? inviteCode, DateTimeOffset? inviteExpiresAt) =>
        new(member.Id, member.Name, member.Role, member.Mobile, accounts.Length > 0, accounts, inviteCode, inviteExpiresAt);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchId();
}
