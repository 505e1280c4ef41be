using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Planning;

namespace PartyAffairs.Scheduler.Delivery;

/// <summary>
/// The words of reminders, which the host owns: the scheduler decides which typed reminder goes to whom and when, and asks
/// this for the message. Called once per occurrence at fan-out (not per recipient); the message is stored with the
/// occurrence, so a change of words reaches only occurrences fanned out afterwards.
/// </summary>
public interface IReminderWording
{
    /// <summary>
    /// The message of <paramref name="reminder"/>: its text, with the branch's <paramref name="progress"/> at fan-out (null
    /// when the reminder does not depend on it), and one button per answer in <paramref name="answers"/> (empty for notices).
    /// </summary>
    ReminderMessage Message(PlannedReminder reminder, ReminderProgress? progress, IReadOnlyList<CompletionStatus> answers);

    /// <summary>
    /// One message for several reminders to one person at one send time: a short list of <paramref name="lines"/> (each
    /// with its own buttons) and one choice that confirms them all.
    /// </summary>
    ReminderMessage Digest(IReadOnlyList<DigestLine> lines);
}
