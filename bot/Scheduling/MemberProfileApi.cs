using System.Text.Json;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Scheduling;

/// <summary>
/// PUT /api/admin/branches/{branchId}/members/{memberId}: sets a member's person columns (the roster's optional columns that
/// scope reminders: probation, introducers, 党小组, 班子成员, 外出). Fields absent from the body keep their value; an empty
/// string clears one. Every field is read by <see cref="MemberProfileFields"/>, as the CSV import reads them.
/// </summary>
internal static class MemberProfileApi
{
    /// <summary>The body's English field names and the columns they set (the Chinese column names are accepted too).</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["probationStart"] = MemberProfileFields.ProbationStart,
        ["probationExtendedUntil"] = MemberProfileFields.Extended,
        ["introducers"] = MemberProfileFields.Introducers,
        ["partyGroup"] = MemberProfileFields.PartyGroup,
        ["teamMember"] = MemberProfileFields.TeamMember,
        ["away"] = MemberProfileFields.Away,
    };

    /// <summary>Maps the endpoint behind the admin bearer token.</summary>
    public static RouteGroupBuilder MapMemberProfileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminGroup("/api/admin/branches/{branchId}");
        group.MapPut("/members/{memberId}", PutAsync);
        return group;
    }

    private static async Task<IResult> PutAsync(string branchId, string memberId, HttpRequest request, RosterStore roster, CancellationToken ct)
    {
        if (await roster.GetBranchAsync(branchId, ct) is null)
        {
            return Results.NotFound(new AdminError(AdminMessages.BranchNotFound));
        }

        if (await roster.GetMemberAsync(memberId, ct) is not { } member || member.BranchId != branchId)
        {
            return Results.NotFound(new AdminError(AdminMessages.MemberNotFound));
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Results.BadRequest(new AdminError(MemberProfileTexts.BodyInvalid));
            }

            foreach (var property in body.RootElement.EnumerateObject())
            {
                var field = Fields.TryGetValue(property.Name, out var mapped) ? mapped
                    : MemberProfileFields.Headers.Contains(property.Name) ? property.Name
                    : null;
                if (field is null)
                {
                    continue;
                }

                values[field] = property.Value.ValueKind switch
                {
                    JsonValueKind.Array => string.Join("、", property.Value.EnumerateArray().Select(v => v.ToString())),
                    JsonValueKind.True => "是",
                    JsonValueKind.False => "否",
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.ToString(),
                };
            }
        }
        catch (JsonException)
        {
            return Results.BadRequest(new AdminError(MemberProfileTexts.BodyInvalid));
        }

        var (profile, errors) = MemberProfileFields.Read(values, member.Profile);
        if (profile is null)
        {
            return Results.BadRequest(new AdminError(string.Join("；", errors)));
        }

        var updated = await roster.UpdateProfileAsync(branchId, memberId, profile, ct);
        return updated is null
            ? Results.NotFound(new AdminError(AdminMessages.MemberNotFound))
            : Results.Ok(new { id = updated.Id, name = updated.Name, role = updated.Role, profile = updated.Profile });
    }
}
