using PartyAffairs.Bot.Conversation.Dialogs;

namespace PartyAffairs.Bot.Conversation.Commands;

/// <summary>Registration of the command table and the dialogs (order does not matter: precedence decides).</summary>
internal static class ChatCommandServices
{
    /// <summary>Adds a command to the table.</summary>
    public static IServiceCollection AddChatCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, IChatCommand
    {
        services.AddSingleton<TCommand>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<TCommand>());
        return services;
    }

    /// <summary>Adds a dialog (a multi-step flow keyed by its kind).</summary>
    public static IServiceCollection AddDialog<TDialog>(this IServiceCollection services)
        where TDialog : class, IDialog
    {
        services.AddSingleton<TDialog>();
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<TDialog>());
        return services;
    }
}
