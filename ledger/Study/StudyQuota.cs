namespace PartyAffairs.Ledger.Study;

/// <summary>A member's yearly study-hour quota and the clause that sets it.</summary>
/// <param name="Hours">Hours a year (32, 56, 24, 40 …).</param>
/// <param name="DocumentId">The document, or null for the national baseline.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="ClauseId">The clause.</param>
/// <param name="Text">What the clause says.</param>
public sealed record StudyQuota(decimal Hours, string? DocumentId, string? DocumentTitle, string? ClauseId, string Text)
{
    /// <summary>“依据：《…》第… 条” or the baseline's source, for replies and the workbook.</summary>
    public string Citation => DocumentTitle is null ? Text : $"{DocumentTitle} {ClauseId}";
}
