using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>The knowledge HTTP API: <c>GET /api/knowledge/ask</c> and <c>GET /api/knowledge/duties</c> (see CONTRACT.md).</summary>
internal static class KnowledgeApi
{
    /// <summary>The longest question accepted, in characters.</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/knowledge");
        group.MapGet("/ask", Ask);
        group.MapGet("/duties", (IKnowledgeBase knowledgeBase) => TypedResults.Ok(knowledgeBase.Duties));
        return endpoints;
    }

    private static IResult Ask(IKnowledgeBase knowledgeBase, string? q, string? role)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.BadRequest(new ApiError(KnowledgeApiTexts.EmptyQuestion));
        }

        if (q.Length > MaxQuestionLength)
        {
            return TypedResults.BadRequest(new ApiError(KnowledgeApiTexts.QuestionTooLong(MaxQuestionLength)));
        }

        return TypedResults.Ok(knowledgeBase.Ask(q, string.IsNullOrWhiteSpace(role) ? null : role));
    }
}
