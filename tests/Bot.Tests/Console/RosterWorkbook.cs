using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>
/// Writes a one-sheet .xlsx as a spreadsheet program saves it (text in shared strings, numbers as numeric cells, empty
/// cells absent), for the roster upload tests of the admin API, chat import and console.
/// </summary>
internal static class RosterWorkbook
{
    public static byte[] Of(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0)
                    {
                        continue; // empty cells are absent, as in a saved file
                    }

                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (decimal.TryParse(rows[r][c], out _))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(rows[r][c]) });
                        continue;
                    }

                    strings.SharedStringTable.Append(new SharedStringItem(new Text(rows[r][c])));
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "名单" }));
        }

        return stream.ToArray();
    }
}
