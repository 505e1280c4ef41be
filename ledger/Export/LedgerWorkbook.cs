namespace PartyAffairs.Ledger.Export;

/// <summary>An exported workbook.</summary>
/// <param name="BranchName">The branch's name (for the file name).</param>
/// <param name="Year">The year.</param>
/// <param name="Content">The .xlsx bytes.</param>
public sealed record LedgerWorkbook(string BranchName, int Year, byte[] Content)
{
    /// <summary>The media type of .xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A download name: 台账-{branch}-{year}.xlsx.</summary>
    public string FileName => $"台账-{BranchName}-{Year}.xlsx";
}
