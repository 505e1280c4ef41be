using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyAffairs.Ledger.Export;

/// <summary>
/// Writes sheets to an .xlsx package with the Open XML SDK (the worksheets streamed as XML): a bold, frozen header row, column
/// widths that fit the content (CJK characters count double), numbers as numbers, and every text that a spreadsheet
/// could take for a formula (starting with = + - @, a tab or a carriage return) written with a leading apostrophe.
/// </summary>
public static class WorkbookWriter
{
    private const uint HeaderStyle = 1;
    private const uint MoneyStyle = 2;
    private const double MinWidth = 6;
    private const double MaxWidth = 60;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Writes <paramref name="sheets"/> to <paramref name="output"/> (which must be seekable, e.g. a <see cref="MemoryStream"/>).</summary>
    public static void Write(Stream output, IReadOnlyList<WorkbookSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        // A year's sheets are a few MB of XML; fast deflate costs a few per cent in size and a fraction of the time.
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
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
        // Written with a plain XmlWriter (the SDK's element objects per cell cost more than the data): tens of thousands
        // of cells a sheet in a 200-member branch's year.
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        if (selected)
        {
            xml.WriteAttributeString("tabSelected", "1");
        }

        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteStartElement("selection", Main);
        xml.WriteAttributeString("pane", "bottomLeft");
        xml.WriteAttributeString("activeCell", "A2");
        xml.WriteAttributeString("sqref", "A2");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cols", Main);
        var widths = Widths(sheet);
        for (var i = 0; i < widths.Length; i++)
        {
            var index = (i + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", index);
            xml.WriteAttributeString("max", index);
            xml.WriteAttributeString("width", widths[i].ToString("0.##", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        var columns = Enumerable.Range(0, Math.Max(sheet.Headers.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Length))).Select(ColumnName).ToArray();
        WriteRow(xml, columns, 1, sheet.Headers.Cast<object?>().ToArray(), header: true);
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            WriteRow(xml, columns, i + 2, sheet.Rows[i], header: false);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRow(XmlWriter xml, string[] columns, int index, object?[] values, bool header)
    {
        var row = index.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", row);
        for (var column = 0; column < values.Length; column++)
        {
            var value = values[column];
            if (value is null)
            {
                continue;
            }

            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", columns[column] + row);
            switch (value)
            {
                case string text:
                    if (header)
                    {
                        xml.WriteAttributeString("s", HeaderStyle.ToString(CultureInfo.InvariantCulture));
                    }

                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Safe(text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                case Money money:
                    xml.WriteAttributeString("s", MoneyStyle.ToString(CultureInfo.InvariantCulture));
                    xml.WriteElementString("v", Main, money.Amount.ToString(CultureInfo.InvariantCulture));
                    break;
                case decimal number:
                    xml.WriteElementString("v", Main, Numbers.Normalize(number).ToString(CultureInfo.InvariantCulture));
                    break;
                case int number:
                    xml.WriteElementString("v", Main, number.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Unsupported cell value {value.GetType()}.", nameof(values));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

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
