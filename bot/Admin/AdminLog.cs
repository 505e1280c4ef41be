namespace PartyAffairs.Bot.Admin;

/// <summary>Log messages of the Admin area; never tokens or roster contents.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Admin API disabled: Admin:Token is not set and Admin:GenerateToken is false; /api/admin answers 503.")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Branch {BranchId} created.")]
    public static partial void BranchCreated(ILogger logger, string branchId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Roster of branch {BranchId} imported: {Created} new, {Updated} updated.")]
    public static partial void RosterImported(ILogger logger, string branchId, int created, int updated);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Roster of branch {BranchId} rejected: {Rows} bad rows.")]
    public static partial void RosterRejected(ILogger logger, string branchId, int rows);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Admin token generated in {Path} (owner-only); it is used while Admin:Token is not configured.")]
    public static partial void TokenGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Admin token file {Path} was readable by other users; its permissions are now owner-only (0600).")]
    public static partial void TokenFileTightened(ILogger logger, string path);
}
