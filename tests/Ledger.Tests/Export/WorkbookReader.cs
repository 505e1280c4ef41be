using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyAffairs.Ledger.Tests.Export;

/// <summary>Reads a produced workbook back: each sheet's rows as text by column, its frozen pane and column widths.</summary>
internal sealed class WorkbookReader
{
    private WorkbookReader(IReadOnlyList<ReadSheet> sheets) => Sheets = sheets;

    public IReadOnlyList<ReadSheet> Sheets { get; }

    public ReadSheet this[string name] => Sheets.Single(s => s.Name == name);

    public static WorkbookReader Open(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var worksheet = part.Worksheet;
            var pane = worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            var widths = worksheet.GetFirstChild<Columns>()?.Elements<Column>().Select(c => c.Width?.Value ?? 0).ToArray() ?? [];
            var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => row.Elements<Cell>().ToDictionary(
                c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
                c => new ReadCell(c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty, c.DataType?.Value == CellValues.InlineString, c.CellFormula is not null))).ToArray();
            return new ReadSheet(sheet.Name!.Value!, rows, pane, widths);
        }).ToArray();
        return new WorkbookReader(sheets);
    }
}

/// <summary>A sheet read back.</summary>
internal sealed record ReadSheet(string Name, IReadOnlyList<Dictionary<string, ReadCell>> Rows, Pane? Pane, IReadOnlyList<double> Widths)
{
    /// <summary>The header row's texts.</summary>
    public IReadOnlyList<string> Headers => Rows[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Text).ToArray();

    /// <summary>The first data row whose column A is <paramref name="first"/> (and, if given, whose column <paramref name="column"/> is <paramref name="value"/>).</summary>
    public Dictionary<string, ReadCell> Row(string first, string? column = null, string? value = null) =>
        Rows.Skip(1).First(r => r.TryGetValue("A", out var a) && a.Text == first && (column is null || (r.TryGetValue(column, out var c) && c.Text == value)));

    /// <summary>The column letter of a header.</summary>
    public string Column(string header) => Rows[0].Single(c => c.Value.Text == header).Key;
}

/// <summary>A cell read back.</summary>
internal sealed record ReadCell(string Text, bool IsText, bool IsFormula);
