namespace PartyAffairs.Ledger.Export;

/// <summary>One sheet of a workbook: a name, a header row, and rows of cells.</summary>
/// <param name="Name">Sheet name.</param>
/// <param name="Headers">Column headers (the frozen first row).</param>
/// <param name="Rows">Cells: <see cref="string"/> (text), <see cref="decimal"/> or <see cref="int"/> (numbers), <see cref="Money"/> (two decimals), null (empty).</param>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);
