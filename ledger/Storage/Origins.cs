using System.Globalization;

namespace PartyAffairs.Ledger.Storage;

/// <summary>
/// The <c>origin</c> of a derived completion: a record's attendance, a dues payment, or the study-hours total. A
/// confirmation (chat, admin, import) has none. Corrections retract exactly what their source wrote.
/// </summary>
internal static class Origins
{
    /// <summary>Prefix of completions written by a meeting record.</summary>
    public const string RecordPrefix = "record:";

    /// <summary>Prefix of completions written by a dues payment.</summary>
    public const string PaymentPrefix = "payment:";

    /// <summary>The 学时 completion written when a member's hours reach the quota.</summary>
    public const string StudyHours = "study-hours";

    public static string Record(long recordId) => RecordPrefix + recordId.ToString(CultureInfo.InvariantCulture);

    public static string Payment(string batchId) => PaymentPrefix + batchId;
}
