using PartyAffairs.Bot.State;
using PartyAffairs.BotFramework.Builder;
using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Knowledge;
using PartyAffairs.Scheduler.Completion;
using PartyAffairs.Scheduler.Duties;
using StackExchange.Redis;

namespace PartyAffairs.Bot.Conversation;

/// <summary>
/// The turn handler: answers questions, binds members, records completions and runs secretaries' commands.
/// A turn of a bound member costs two store round trips before the command itself.
/// </summary>
internal sealed class PartyAffairsBot(
    RosterStore roster,
    ChannelAddressStore addresses,
    ConversationStateStore conversations,
    ActivityDeduplicator deduplicator,
    MemberActivityStore memberActivity,
    DutyTracker duties,
    NoticeRounds rounds,
    MobileBinder mobileBinder,
    IKnowledgeBase knowledge,
    TimeProvider time,
    ILogger<PartyAffairsBot> logger) : IBot
{
    /// <summary>Longest message handled; longer ones get a polite reply and change nothing.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>How long a notice preview can be confirmed.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
            {
                await SendAsync(turnContext, Replies.Welcome, cancellationToken, Replies.ActionHelp);
            }

            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if ((activity.Text?.Length ?? 0) > MaxTextLength)
        {
            await SendAsync(turnContext, Replies.TooLong, cancellationToken);
            return;
        }

        var channelId = activity.ChannelId ?? "unknown";
        var dedupe = activity.Id is { Length: > 0 } id ? id : null;
        var begun = false;
        try
        {
            var first = dedupe is null ? Task.FromResult(true) : deduplicator.TryBeginAsync(channelId, dedupe, cancellationToken);
            var boundTask = activity.From?.Id is { Length: > 0 } userId
                ? roster.GetBoundMemberIdAsync(channelId, userId, cancellationToken)
                : Task.FromResult<string?>(null);
            begun = await first;
            var memberId = await boundTask;
            if (!begun)
            {
                ConversationLog.Duplicate(logger, dedupe!, channelId);
                return;
            }

            // A platform that knows the user's mobile number (DingTalk, WeCom contacts) may bind them by the roster,
            // in a one-to-one chat only: the confirmation names the member.
            var command = CommandParser.Parse(activity.Text);
            BindResult? byMobile = null;
            if (memberId is null && activity.From?.Id is { Length: > 0 } unbound && activity.Conversation?.IsGroup != true)
            {
                byMobile = await mobileBinder.TryBindAsync(channelId, unbound, cancellationToken);
                memberId = byMobile?.Member?.Id;
            }

            Member? member = null;
            if (memberId is not null)
            {
                var memberTask = roster.GetMemberAsync(memberId, cancellationToken);
                var saved = addresses.SaveAsync(memberId, activity.GetConversationReference(), cancellationToken);
                member = await memberTask;
                await saved;
            }

            if (byMobile is { Outcome: BindOutcome.Bound } && member is not null)
            {
                var branch = await roster.GetBranchAsync(member.BranchId, cancellationToken);
                var text = Replies.BoundByMobile(member.Name, branch?.Name ?? member.BranchId, member.Role);
                if (command.Kind == CommandKind.Bind)
                {
                    // The invite code is not needed any more (and stays valid for another channel).
                    await SendAsync(turnContext, text, cancellationToken, Replies.ActionMyDuties, Replies.ActionHelp);
                    return;
                }

                await SendAsync(turnContext, text, cancellationToken);
            }

            await HandleAsync(turnContext, new Turn(channelId, activity.From?.Id, member), command, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ConversationLog.StoreUnavailable(logger, channelId, e.GetType().Name);
            Operations.TurnMetrics.MarkFailed();
            if (begun && dedupe is not null)
            {
                await ForgetQuietlyAsync(channelId, dedupe);
            }

            await SendAsync(turnContext, Replies.Unavailable, cancellationToken);
        }
    }

    private Task HandleAsync(ITurnContext context, Turn turn, ParsedCommand command, CancellationToken ct) => command.Kind switch
    {
        CommandKind.Help => HelpAsync(context, turn, ct),
        CommandKind.Bind => BindAsync(context, turn, command.Argument, ct),
        CommandKind.Question => AnswerAsync(context, turn, command.Argument, ct),
        _ when turn.Member is null => SendAsync(context, Replies.NotBound, ct, Replies.ActionHelp),
        CommandKind.MyDuties => MyDutiesAsync(context, turn.Member, ct),
        CommandKind.Complete => ConfirmAsync(context, turn, command.Argument, CompletionStatus.Done, ct),
        CommandKind.Leave => ConfirmAsync(context, turn, command.Argument, CompletionStatus.Leave, ct),
        CommandKind.Undo => UndoAsync(context, turn.Member, ct),
        CommandKind.Cancel => CancelAsync(context, turn, ct),
        CommandKind.Confirm => ConfirmPendingAsync(context, turn, ct),
        _ when !MemberRoles.IsSecretary(turn.Member.Role) => SendAsync(context, Replies.SecretaryOnly, ct, Replies.ActionMyDuties, Replies.ActionHelp),
        CommandKind.Notice => NoticeAsync(context, turn, command.Argument, ct),
        CommandKind.Status => StatusAsync(context, turn.Member, command.Argument, ct),
        CommandKind.Nudge => NudgeAsync(context, turn.Member, command.Argument, ct),
        _ => HelpAsync(context, turn, ct),
    };

    private Task HelpAsync(ITurnContext context, Turn turn, CancellationToken ct) => turn.Member switch
    {
        null => SendAsync(context, Replies.HelpUnbound, ct),
        { } m when MemberRoles.IsSecretary(m.Role) => SendAsync(context, Replies.HelpMember + Replies.HelpSecretaryExtra, ct, Replies.ActionMyDuties, Replies.ActionStatus),
        _ => SendAsync(context, Replies.HelpMember, ct, Replies.ActionMyDuties),
    };

    private async Task BindAsync(ITurnContext context, Turn turn, string argument, CancellationToken ct)
    {
        if (turn.UserId is null || !InviteCodes.TryNormalize(argument, out var code))
        {
            await SendAsync(context, Replies.BindUsage, ct);
            return;
        }

        var result = await roster.ClaimInviteAsync(code, turn.ChannelId, turn.UserId, ct);
        switch (result.Outcome)
        {
            case BindOutcome.Bound when result.Member is { } member:
                await addresses.SaveAsync(member.Id, context.Activity.GetConversationReference(), ct);
                var branch = await roster.GetBranchAsync(member.BranchId, ct);
                await SendAsync(context, Replies.Bound(member.Name, branch?.Name ?? member.BranchId, member.Role), ct, Replies.ActionMyDuties, Replies.ActionHelp);
                break;
            case BindOutcome.AlreadyBound:
                await SendAsync(context, Replies.AlreadyBound(result.Member?.Name ?? string.Empty), ct, Replies.ActionMyDuties);
                break;
            default:
                await SendAsync(context, Replies.BindInvalid, ct);
                break;
        }
    }

    private async Task AnswerAsync(ITurnContext context, Turn turn, string question, CancellationToken ct)
    {
        var answer = knowledge.Ask(question, turn.Member?.Role);
        var buttons = answer.Suggestions.Count > 0
            ? answer.Suggestions.Take(3).ToArray()
            : turn.Member is null ? [Replies.ActionHelp] : [Replies.ActionMyDuties, Replies.ActionHelp];
        await SendAsync(context, answer.Answer, ct, buttons);
    }

    private async Task MyDutiesAsync(ITurnContext context, Member member, CancellationToken ct)
    {
        var statuses = await duties.ForMemberAsync(member, ct);
        if (statuses.Count == 0)
        {
            await SendAsync(context, Replies.NoDuties, ct, Replies.ActionHelp);
            return;
        }

        var lines = statuses.Select(Line);
        var buttons = statuses.Where(s => s.Record is null).Take(3).Select(s => Replies.ConfirmPhrase(s.Duty.Kind)).ToArray();
        await SendAsync(context, Replies.MyDutiesHeader(member.Name) + "\n" + string.Join('\n', lines), ct, buttons);
    }

    private async Task ConfirmAsync(ITurnContext context, Turn turn, string phrase, CompletionStatus status, CancellationToken ct)
    {
        var member = turn.Member!;
        var duty = duties.Find(phrase);
        if (duty is null)
        {
            if (CommandParser.LooksLikeQuestion(context.Activity.Text ?? string.Empty))
            {
                await AnswerAsync(context, turn, context.Activity.Text!, ct);
                return;
            }

            await SendAsync(context, Replies.UnknownDuty, ct, Replies.ActionMyDuties);
            return;
        }

        if (!duties.AppliesTo(duty, member.Role)
            || (duty.Audience == DutyAudience.Branch && !MemberRoles.IsSecretary(member.Role) && duty.Roles.Count == 0))
        {
            await SendAsync(context, Replies.NotApplicable, ct, Replies.ActionMyDuties);
            return;
        }

        var period = duties.CurrentPeriod(duty);
        if (status == CompletionStatus.Done && duty.Count > 1)
        {
            await CountOccurrenceAsync(context, member, duty, period.Key, ct);
            return;
        }

        if (!await duties.RecordAsync(member, duty, status, context.Activity.Id, ct))
        {
            var existing = await duties.GetAsync(member, duty, ct);
            await SendAsync(context, Replies.AlreadyRecorded(duty.Title, period.Key, existing?.Status == CompletionStatus.Leave), ct, Replies.ActionMyDuties);
            return;
        }

        var last = new LastConfirmation(member.BranchId, DutyTracker.SubjectFor(duty, member), duty.Kind, period.Key, status);
        var remember = memberActivity.SetLastAsync(member.Id, last, ct);
        var remaining = await duties.ForMemberAsync(member, ct);
        await remember;
        var open = remaining.Where(s => s.Record is null).Select(Line).ToArray();
        var head = status == CompletionStatus.Leave ? Replies.LeaveRecorded(duty.Title, period.Key) : Replies.Recorded(duty.Title, period.Key);
        await SendAsync(context, head + "\n" + Replies.Remaining(open), ct, Replies.ActionUndo, Replies.ActionMyDuties);
        if (status == CompletionStatus.Leave)
        {
            // The secretary is told of leave as it happens, not only in 完成情况.
            var secretaries = (await roster.ListMembersAsync(member.BranchId, ct)).Where(m => m.Id != member.Id && MemberRoles.IsSecretary(m.Role)).ToArray();
            var round = await rounds.PrepareAsync(member.BranchId, secretaries, withGroups: false, ct);
            var saved = await rounds.SaveAsync(round, Replies.SecretaryLeaveNotice(member.Name, duty.Title, period.Key), group: null, reportTo: null, NoticeReportKind.None, dutyTitle: null, record: null, ct);
            rounds.Start(saved);
        }
    }

    private async Task CountOccurrenceAsync(ITurnContext context, Member member, TrackedDuty duty, string periodKey, CancellationToken ct)
    {
        var outcome = await duties.AddOccurrenceAsync(member, duty, context.Activity.Id, ct);
        if (!outcome.Added)
        {
            await SendAsync(context, Replies.OccurrenceAlreadyToday(duty.Title, periodKey, outcome.Count, outcome.Required), ct, Replies.ActionMyDuties);
            return;
        }

        var last = new LastConfirmation(member.BranchId, DutyTracker.SubjectFor(duty, member), duty.Kind, periodKey, CompletionStatus.Done, duties.OccurrenceKey);
        var remember = memberActivity.SetLastAsync(member.Id, last, ct);
        var remaining = await duties.ForMemberAsync(member, ct);
        await remember;
        var open = remaining.Where(s => s.Record is null).Select(Line).ToArray();
        await SendAsync(context, Replies.OccurrenceRecorded(duty.Title, periodKey, outcome.Count, outcome.Required) + "\n" + Replies.Remaining(open), ct, Replies.ActionUndo, Replies.ActionMyDuties);
    }

    private async Task UndoAsync(ITurnContext context, Member member, CancellationToken ct)
    {
        var last = await memberActivity.TakeLastAsync(member.Id, ct);
        if (last is null || !await duties.RemoveAsync(last, ct))
        {
            await SendAsync(context, Replies.UndoNothing, ct, Replies.ActionMyDuties);
            return;
        }

        var title = duties.All.FirstOrDefault(d => d.Kind == last.DutyKind)?.Title ?? last.DutyKind;
        await SendAsync(context, Replies.Undone(title, last.PeriodKey, last.Status == CompletionStatus.Leave), ct, Replies.ActionMyDuties);
    }

    private async Task NoticeAsync(ITurnContext context, Turn turn, string text, CancellationToken ct)
    {
        var member = turn.Member!;
        if (text.Length == 0)
        {
            await SendAsync(context, Replies.NoticeUsage, ct);
            return;
        }

        var recipients = (await roster.ListMembersAsync(member.BranchId, ct)).Count(m => m.Id != member.Id);
        if (recipients == 0)
        {
            await SendAsync(context, Replies.NoticeNoRecipients, ct);
            return;
        }

        var step = new PendingStep
        {
            Kind = PendingKinds.Notice,
            Id = context.Activity.Id ?? Guid.NewGuid().ToString("N"),
            MemberId = member.Id,
            BranchId = member.BranchId,
            Text = text,
            RecipientCount = recipients,
            ExpiresAt = time.GetUtcNow() + PendingLifetime,
        };
        await conversations.SetPendingAsync(turn.ChannelId, turn.UserId!, step, ct);
        await SendAsync(context, Replies.NoticePreview(text, recipients), ct, Replies.ActionConfirm, Replies.ActionCancel);
    }

    private async Task ConfirmPendingAsync(ITurnContext context, Turn turn, CancellationToken ct)
    {
        var member = turn.Member!;
        var step = await conversations.TakePendingAsync(turn.ChannelId, turn.UserId!, ct);
        if (step is null || step.MemberId != member.Id)
        {
            await SendAsync(context, Replies.NothingPending, ct);
            return;
        }

        if (conversations.IsExpired(step))
        {
            await SendAsync(context, Replies.PendingExpired, ct);
            return;
        }

        // The role is checked again at sending time: it may have changed since the preview.
        if (!MemberRoles.IsSecretary(member.Role))
        {
            await SendAsync(context, Replies.SecretaryOnly, ct);
            return;
        }

        var branch = await roster.GetBranchAsync(step.BranchId, ct);
        var recipients = (await roster.ListMembersAsync(step.BranchId, ct)).Where(m => m.Id != member.Id).ToArray();
        var branchName = branch?.Name ?? step.BranchId;
        var forward = Replies.NoticeForward(member.Name, branchName, step.Text ?? string.Empty);
        var round = await rounds.PrepareAsync(step.BranchId, recipients, withGroups: true, ct);
        var notice = new SentNotice
        {
            Id = step.Id,
            SenderId = member.Id,
            Text = step.Text ?? string.Empty,
            SentAt = time.GetUtcNow(),
            Delivered = 0,
            Recipients = round.Total,
        };

        // Saved before the turn answers: an acknowledged notice survives a crash or shutdown and is resumed.
        var saved = await rounds.SaveAsync(
            round,
            forward,
            new GroupNotice(Replies.NoticeGroupTitle(branchName), Replies.NoticeGroupText(member.Name, step.Text ?? string.Empty)),
            context.Activity.GetConversationReference(),
            NoticeReportKind.Notice,
            dutyTitle: null,
            notice,
            ct);
        await SendAsync(context, Replies.NoticeSending(round.Total, round.Groups.Select(g => g.ChannelId).ToArray()), ct);
        rounds.Start(saved);
    }

    private async Task CancelAsync(ITurnContext context, Turn turn, CancellationToken ct)
    {
        var step = await conversations.TakePendingAsync(turn.ChannelId, turn.UserId!, ct);
        await SendAsync(context, step is null ? Replies.NothingPending : Replies.PendingCancelled, ct);
    }

    private async Task StatusAsync(ITurnContext context, Member member, string dutyPhrase, CancellationToken ct)
    {
        var members = await roster.ListMembersAsync(member.BranchId, ct);
        if (dutyPhrase.Length > 0)
        {
            var duty = duties.Find(dutyPhrase);
            if (duty is null)
            {
                await SendAsync(context, Replies.UnknownDuty, ct, Replies.ActionStatus);
                return;
            }

            var progress = await ProgressAsync(member.BranchId, duty, members, ct);
            await SendAsync(context, DetailText(progress), ct, Replies.ActionStatus);
            return;
        }

        var tracked = duties.All;
        if (tracked.Count == 0)
        {
            await SendAsync(context, Replies.StatusEmpty, ct);
            return;
        }

        var all = await Task.WhenAll(tracked.Select(d => ProgressAsync(member.BranchId, d, members, ct)));
        var branch = await roster.GetBranchAsync(member.BranchId, ct);
        var lines = all.Select(p => p.Duty.Audience == DutyAudience.Branch
            ? BranchLine(p)
            : Replies.StatusLine(p.Duty.Title, p.PeriodKey, p.Done.Count, p.Applicable.Count, p.Leave.Count));
        await SendAsync(context, Replies.StatusHeader(branch?.Name ?? member.BranchId) + "\n" + string.Join('\n', lines), ct);
    }

    private async Task NudgeAsync(ITurnContext context, Member member, string dutyPhrase, CancellationToken ct)
    {
        if (dutyPhrase.Length == 0)
        {
            await SendAsync(context, Replies.NudgeUsage, ct);
            return;
        }

        var duty = duties.Find(dutyPhrase);
        if (duty is null || duty.Audience == DutyAudience.Branch)
        {
            await SendAsync(context, Replies.UnknownDuty, ct, Replies.ActionStatus);
            return;
        }

        var members = await roster.ListMembersAsync(member.BranchId, ct);
        var progress = await ProgressAsync(member.BranchId, duty, members, ct);
        if (progress.Open.Count == 0)
        {
            await SendAsync(context, Replies.NudgeNobody(duty.Title, progress.PeriodKey), ct);
            return;
        }

        var message = Replies.NudgeMessage(duty.Title, progress.Due, Replies.ConfirmPhrase(duty.Kind));
        var round = await rounds.PrepareAsync(member.BranchId, progress.Open, withGroups: false, ct);
        var saved = await rounds.SaveAsync(round, message, group: null, context.Activity.GetConversationReference(), NoticeReportKind.Nudge, duty.Title, record: null, ct);
        await SendAsync(context, Replies.NudgeSending(duty.Title, round.Total), ct);
        rounds.Start(saved);
    }

    private async Task<DutyProgress> ProgressAsync(string branchId, TrackedDuty duty, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var period = duties.CurrentPeriod(duty);
        var records = await duties.ForBranchAsync(branchId, duty, ct);
        var applicable = members.Where(m => duties.AppliesTo(duty, m.Role)).ToArray();
        if (duty.Audience == DutyAudience.Branch)
        {
            var branchDone = records.TryGetValue(CompletionRecord.BranchSubject, out var r) && r.Status == CompletionStatus.Done;
            var count = duty.Count > 1 ? await duties.CountAsync(branchId, CompletionRecord.BranchSubject, duty, ct) : 0;
            return new DutyProgress(duty, period.Key, DutyTracker.DueDate(duty, period), applicable, branchDone ? applicable : [], [], branchDone ? [] : applicable, count);
        }

        Member[] With(CompletionStatus status) => applicable.Where(m => records.TryGetValue(m.Id, out var rec) && rec.Status == status).ToArray();
        return new DutyProgress(duty, period.Key, DutyTracker.DueDate(duty, period), applicable,
            With(CompletionStatus.Done), With(CompletionStatus.Leave), applicable.Where(m => !records.ContainsKey(m.Id)).ToArray());
    }

    private static string BranchLine(DutyProgress p) => p.Duty.Count > 1
        ? Replies.BranchCountStatusLine(p.Duty.Title, p.PeriodKey, p.Count, p.Duty.Count)
        : Replies.BranchStatusLine(p.Duty.Title, p.PeriodKey, p.Done.Count > 0);

    private static string DetailText(DutyProgress p) => p.Duty.Audience == DutyAudience.Branch
        ? BranchLine(p)
        : Replies.StatusDetail(p.Duty.Title, p.PeriodKey, p.Done.Count, p.Applicable.Count, p.Leave.Select(m => m.Name).ToArray(), p.Open.Select(m => m.Name).ToArray(), p.Due);

    private string Line(DutyStatus s) => Replies.DutyLine(s.Duty.Title, s.Period.Key, s.Record?.Status switch
    {
        CompletionStatus.Done => Replies.StatusDone,
        CompletionStatus.Leave => Replies.StatusLeave,
        _ when s.Duty.Count > 1 && s.Due < duties.Today => Replies.StatusCountOverdue(s.Count, s.Duty.Count, s.Due),
        _ when s.Duty.Count > 1 => Replies.StatusCountOpen(s.Count, s.Duty.Count, s.Due),
        _ when s.Due < duties.Today => Replies.StatusOverdue(s.Due),
        _ => Replies.StatusOpen(s.Due),
    });

    private async Task ForgetQuietlyAsync(string channelId, string activityId)
    {
        try
        {
            await deduplicator.ForgetAsync(channelId, activityId);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The store is down; the mark expires by itself.
        }
    }

    private static async Task SendAsync(ITurnContext context, string text, CancellationToken ct, params string[] buttons)
    {
        var reply = Activity.CreateMessageActivity(text);
        reply.Locale = "zh-CN";
        // Replies are plain text with line breaks; without a format Web Chat renders Markdown and joins the lines.
        reply.TextFormat = TextFormatTypes.Plain;
        if (buttons.Length > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = buttons.Select(b => CardAction.ImBack(b)).ToList() };
        }

        await context.SendActivityAsync(reply, ct);
    }

    private sealed record Turn(string ChannelId, string? UserId, Member? Member);

    private sealed record DutyProgress(TrackedDuty Duty, string PeriodKey, DateOnly Due, IReadOnlyList<Member> Applicable, IReadOnlyList<Member> Done, IReadOnlyList<Member> Leave, IReadOnlyList<Member> Open, int Count = 0);
}
