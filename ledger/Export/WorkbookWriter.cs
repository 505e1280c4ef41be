using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyAffairs.Ledger.Export;

/// <summary>
/// Writes sheets to an .xlsx package with the Open XML SDK (streamed row by row): a bold, frozen header row, column
/// widths that fit the content (CJK characters count double), numbers as numbers, and every text that a spreadsheet
/// could take for a formula (starting with = + - @, a tab or a carriage return) written with a leading apostrophe.
/// </summary>
public static class WorkbookWriter
{
    private const uint HeaderStyle = 1;
    private const uint MoneyStyle = 2;
    private const double MinWidth = 6;
    private const double MaxWidth = 60;

    /// <summary>Writes <paramref name="sheets"/> to <paramref name="output"/> (which must be seekable, e.g. a <see cref="MemoryStream"/>).</summary>
    public static void Write(Stream output, IReadOnlyList<WorkbookSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var entries = new Sheets();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet, sheetId == 1);
            entries.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }

        workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView()), entries);
        workbookPart.Workbook.Save();
    }

    /// <summary>The text as written to a cell: a leading apostrophe when it would otherwise start like a formula.</summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static void WriteSheet(WorksheetPart part, WorkbookSheet sheet, bool selected)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0U,
        }));
        writer.WriteElement(new Columns(Widths(sheet).Select((width, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, sheet.Headers.Cast<object?>().ToArray(), header: true);
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            WriteRow(writer, (uint)(i + 2), sheet.Rows[i], header: false);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, object?[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < values.Length; column++)
        {
            if (Cell(values[column], ColumnName(column) + index.ToString(CultureInfo.InvariantCulture), header) is { } cell)
            {
                row.Append(cell);
            }
        }

        writer.WriteElement(row);
    }

    private static Cell? Cell(object? value, string reference, bool header) => value switch
    {
        null => null,
        string text => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = header ? HeaderStyle : null,
            InlineString = new InlineString(new Text(Safe(text)) { Space = SpaceProcessingModeValues.Preserve }),
        },
        Money money => new Cell { CellReference = reference, DataType = CellValues.Number, StyleIndex = MoneyStyle, CellValue = new CellValue(money.Amount) },
        decimal number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Numbers.Normalize(number)) },
        int number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        _ => throw new ArgumentException($"Unsupported cell value {value.GetType()}.", nameof(value)),
    };

    /// <summary>Column widths in characters: the widest cell of the column, CJK counting two, within 6–60.</summary>
    private static double[] Widths(WorkbookSheet sheet)
    {
        var widths = sheet.Headers.Select(h => Display(h) + 2.0).ToArray();
        foreach (var row in sheet.Rows)
        {
            for (var i = 0; i < Math.Min(row.Length, widths.Length); i++)
            {
                var text = row[i] switch
                {
                    null => string.Empty,
                    Money m => m.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? string.Empty,
                };
                widths[i] = Math.Max(widths[i], Display(text) + 2.0);
            }
        }

        return widths.Select(w => Math.Clamp(w, MinWidth, MaxWidth)).ToArray();
    }

    private static int Display(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= 0x2E80 ? 2 : 1;
        }

        return width;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            // Built-in format 2 is "0.00".
            new CellFormat { NumberFormatId = 2U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 3U });
}
