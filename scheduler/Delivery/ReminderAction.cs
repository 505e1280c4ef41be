namespace PartyAffairs.Scheduler.Delivery;

/// <summary>A button on a reminder; <see cref="Value"/> is the chat text it sends back (已完成 主题党日 2026-11).</summary>
public sealed record ReminderAction(string Title, string Value);
