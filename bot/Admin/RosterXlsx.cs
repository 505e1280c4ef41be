using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyAffairs.Bot.Admin;

/// <summary>
/// Reads a roster workbook (.xlsx, the first sheet) into the same rows a CSV gives, for <see cref="RosterCsv"/>'s checks:
/// the same columns (姓名, 角色, 手机号, 类别, 月收入), the same report by row number. Text, shared-string and number cells
/// are read; formulas are read as their cached values.
/// </summary>
public static class RosterXlsx
{
    /// <summary>The media type of .xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaxRows = 20_000;

    /// <summary>True when <paramref name="bytes"/> look like an .xlsx (a zip) or the request says so.</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> bytes, string? contentType) =>
        (contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) ?? false)
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);

    /// <summary>Parses and validates the workbook's first sheet; null when it is not a readable workbook.</summary>
    public static RosterParseResult? Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return RosterCsv.Parse(Read(bytes));
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or XmlException or InvalidOperationException or FileFormatException or NullReferenceException)
        {
            return null;
        }
    }

    private static List<(int Line, IReadOnlyList<string> Cells, string? Error)> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var records = new List<(int, IReadOnlyList<string>, string?)>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            if (records.Count >= MaxRows)
            {
                throw new InvalidDataException("Too many rows.");
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(Text(cell, shared));
            }

            records.Add(((int)(row.RowIndex?.Value ?? (uint)(records.Count + 1)), cells, null));
        }

        return records;
    }

    private static string Text(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var value = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, out var index) && index >= 0 && index < shared.Length ? shared[index] : string.Empty;
        }

        return value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 16_384)
            {
                throw new InvalidDataException("Column out of range.");
            }
        }

        return Math.Max(index - 1, 0);
    }
}
