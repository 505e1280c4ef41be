using System.Globalization;
using PartyAffairs.Bot.Conversation.Commands.Ledger;
using PartyAffairs.Bot.Reminders;
using PartyAffairs.Ledger.Dues;
using PartyAffairs.Ledger.Study;
using PartyAffairs.Scheduler.Delivery;

namespace PartyAffairs.Bot.Ledger;

/// <summary>
/// Around the host's <see cref="IReminderSender"/>: a member's 学时 reminder (its buttons name the 学时 duty and the year)
/// gets the member's own standing appended — “您今年已完成 12/32 学时，尚差 20 学时。” — from the ledger. The reminder's
/// shared words stay the scheduler's; when the ledger cannot be read the reminder goes out as worded. Likewise a member's
/// 党费 reminder gets the member's assessed monthly amount (“您每月应交纳党费 120.00元。”), as 我的党费 states it; reminders
/// go to the member alone, never to a group.
/// </summary>
internal sealed class StudyHoursReminderSender(IReminderSender inner, StudyService study, DuesService? dues = null) : IReminderSender
{
    /// <summary>Wraps the <see cref="IReminderSender"/> registered so far (the host registers its sender before the ledger).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IReminderSender));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IReminderSender>(sp => new StudyHoursReminderSender(Resolve(sp, registered), sp.GetRequiredService<StudyService>(), sp.GetService<DuesService>()));
    }

    public async Task<SendOutcome> SendAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return await inner.SendAsync(await PersonalizeAsync(delivery, cancellationToken), cancellationToken);
    }

    /// <summary>The delivery with the member's hours appended when it is a 学时 reminder.</summary>
    public async Task<ReminderDelivery> PersonalizeAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var year = delivery.Message.Actions
            .Select(a => ReminderResponses.Parse(a.Value))
            .FirstOrDefault(r => r is { } response && response.Kinds.Contains(StudyCommand.StudyKind))?.PeriodKey;
        if (year is null || !int.TryParse(year.AsSpan(0, Math.Min(4, year.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return await WithDuesAmountAsync(delivery, cancellationToken);
        }

        StudySummary? summary;
        try
        {
            summary = await study.SummaryAsync(delivery.BranchId, delivery.MemberId, value, cancellationToken);
        }
        catch (TimeoutException)
        {
            return delivery;
        }

        return summary is null
            ? delivery
            : delivery with { Message = delivery.Message with { Text = delivery.Message.Text + "\n" + LedgerReplies.StudyStanding(summary.Hours, summary.Quota.Hours, summary.Remaining) } };
    }

    /// <summary>The delivery with the member's monthly amount appended when it is a 党费 reminder and an assessment is on file.</summary>
    private async Task<ReminderDelivery> WithDuesAmountAsync(ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        var month = delivery.Message.Actions
            .Select(a => ReminderResponses.Parse(a.Value))
            .FirstOrDefault(r => r is { } response && response.Kinds.Contains(DuesPaymentCommand.DuesKind))?.PeriodKey;
        if (dues is null || month is not { Length: 7 } || !int.TryParse(month.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return delivery;
        }

        DuesAccount? account;
        try
        {
            account = await dues.GetAsync(delivery.BranchId, delivery.MemberId, year, cancellationToken);
        }
        catch (TimeoutException)
        {
            return delivery;
        }

        return account?.Current is { } profile
            ? delivery with { Message = delivery.Message with { Text = delivery.Message.Text + "\n" + LedgerReplies.DuesMonthlyAmount(profile.MonthlyAmount) } }
            : delivery;
    }

    private static IReminderSender Resolve(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IReminderSender instance } => instance,
        { ImplementationFactory: { } factory } => (IReminderSender)factory(services),
        { ImplementationType: { } type } => (IReminderSender)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("Unsupported IReminderSender registration."),
    };
}
