namespace PartyAffairs.Scheduler.Planning;

/// <summary>The kinds of reminders a branch has one Quartz trigger for each.</summary>
public enum ReminderGroup
{
    /// <summary>Themed-day reminders and flags.</summary>
    ThemedDay,

    /// <summary>Dues reminders, nudges and the arrears ladder.</summary>
    Dues,

    /// <summary>Secretaries' periodic duties and calendar notices.</summary>
    Duties,
}
