namespace PartyAffairs.Bot.WebConsole;

/// <summary>Marks a console page that needs no session (sign-in, login, the status pages).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConsolePublicAttribute : Attribute;
