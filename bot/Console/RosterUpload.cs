using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartyAffairs.Bot.Admin;

namespace PartyAffairs.Bot.WebConsole;

/// <summary>
/// A roster file uploaded in the console: .csv (UTF-8) or .xlsx, told apart by content (an .xlsx is a zip: <c>PK\x03\x04</c>),
/// not by name. An .xlsx's first sheet becomes CSV text line by line (row n → line n), so the admin import's parser
/// (<see cref="RosterCsv"/>) checks both with the same rules, columns and line numbers.
/// </summary>
internal static class RosterUpload
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The roster text of <paramref name="content"/>, or the reason it cannot be read.</summary>
    public static (string? Text, string? Error) Read(byte[] content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.AsSpan().StartsWith(ZipMagic))
        {
            if (extension is not (".xlsx" or ""))
            {
                return (null, ConsoleTexts.UploadWrongType);
            }

            try
            {
                return (XlsxToCsv(content), null);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException)
            {
                return (null, ConsoleTexts.UploadUnreadable);
            }
        }

        if (extension is not (".csv" or ".txt" or "") || content.Contains((byte)0))
        {
            return (null, ConsoleTexts.UploadWrongType);
        }

        return RosterCsv.TryDecode(content, out var text) ? (text, null) : (null, ConsoleTexts.UploadNotUtf8);
    }

    private static string XlsxToCsv(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id?.Value ?? throw new InvalidDataException("Sheet without id."));
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var text = new StringBuilder();
        var line = 1;
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var index = (int)(row.RowIndex?.Value ?? (uint)line);
            for (; line < index; line++)
            {
                text.Append('\n');
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Value(cell, shared));
            }

            text.AppendJoin(',', cells.Select(Quote)).Append('\n');
            line++;
        }

        return text.ToString();
    }

    private static string Value(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        // Mobile numbers typed as numbers come back as 13800000000 or 1.38E+10: written out as whole numbers.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    // One CSV line per row: line breaks inside a cell become spaces so line numbers stay row numbers.
    private static string Quote(string value)
    {
        var flat = value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        return flat.IndexOfAny([',', '"', '，', '\t']) >= 0 ? "\"" + flat.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : flat;
    }
}
