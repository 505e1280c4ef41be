using System.Globalization;
using PartyAffairs.Bot.Conversation.Understanding;
using PartyAffairs.Ledger.Branches;
using PartyAffairs.Ledger.Records;

namespace PartyAffairs.Bot.Conversation.Commands.Ledger;

/// <summary>
/// “记录 党员大会 12月3日 主题：学习党章第三章 主讲：王明 缺席：李四（出差） 2学时”: a record keeper records a meeting or
/// activity through the ledger (<see cref="RecordService.CreateAsync"/>, audited with the member as author). Attendees
/// default to everyone on the roster not listed absent. Every problem is named and nothing is saved.
/// </summary>
internal sealed class RecordCommand(BranchScopes scopes, RecordService records) : IChatCommand
{
    private static readonly char[] Separators = [' ', '\u3000', ':', '：', ',', '，'];

    public string Name => "ledger-record";

    public RequiredRole RequiredRole => RequiredRole.BoundMember;

    public CommandPrecedence Precedence => CommandPrecedence.Command;

    public bool Matches(TurnInput input) => input.Intent.Kind == IntentKind.Record;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var member = context.BoundMember;
        if (!LedgerRoles.MayKeepLedger(member))
        {
            await context.SendAsync(LedgerReplies.RecordKeepersOnly, cancellationToken, Replies.ActionHelp);
            return;
        }

        if (await scopes.GetAsync(member.BranchId, cancellationToken) is not { } scope)
        {
            await context.SendAsync(Replies.NotBound, cancellationToken);
            return;
        }

        var draft = context.Input.Intent.Entities.Record ?? new MeetingRecordDraft();
        var errors = new List<string>();
        var kind = draft.Kind;
        if (kind is null || RecordKinds.Normalize(kind) is null)
        {
            var written = WrittenKind(context.Input.Text);
            errors.Add(written is null ? LedgerReplies.KindMissing + "，可选：" + string.Join("、", RecordKinds.All) : LedgerReplies.KindUnknown(written, RecordKinds.All));
            kind = null;
        }

        if (draft.Date is null)
        {
            errors.Add(LedgerReplies.DateMissing);
        }

        var absent = draft.Absentees.Select(a => new AbsenceInput(a.Name, a.Reason)).ToArray();
        var absentNames = draft.Absentees.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> attendees = draft.Attendees.Count > 0 && !draft.AllAttended
            ? draft.Attendees
            : scope.Members.Where(m => !absentNames.Contains(m.Name) && !absentNames.Contains(m.Id)).Select(m => m.Id).ToArray();
        var input = new RecordInput
        {
            // A placeholder kind and date let the ledger check everything else; the outcome is refused anyway.
            Kind = kind ?? RecordKinds.All[0],
            Date = (draft.Date ?? scope.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Topic = draft.Topic,
            Speaker = draft.Speaker,
            Attendees = attendees,
            Absent = absent,
            Hours = draft.Hours,
            Notes = Notes(draft),
        };

        if (errors.Count > 0)
        {
            // Validate the rest without saving: names, hours, lengths.
            var check = await records.ValidateAsync(member.BranchId, input, cancellationToken);
            errors.AddRange(check);
            await context.SendAsync(LedgerReplies.RecordRefused(errors), cancellationToken, Replies.ActionHelp);
            return;
        }

        var outcome = await records.CreateAsync(member.BranchId, input, member.Id, cancellationToken);
        if (outcome is not { Status: RecordStatus.Saved, Record: { } record })
        {
            await context.SendAsync(LedgerReplies.RecordRefused(outcome.Errors), cancellationToken, Replies.ActionHelp);
            return;
        }

        var present = record.Present.Count();
        await context.SendAsync(
            LedgerReplies.RecordSaved(record.Kind, record.Date, record.Topic, present, scope.Members.Count,
                record.Absent.Select(a => (a.Name, a.Reason)).ToArray(), record.Hours),
            cancellationToken,
            LedgerReplies.ActionUndoRecord,
            Replies.ActionStatus);
    }

    private static string? Notes(MeetingRecordDraft draft) =>
        (draft.Place, draft.Notes) switch
        {
            (null, null) => null,
            ({ } place, null) => "地点：" + place,
            (null, { } notes) => notes,
            ({ } place, { } notes) => "地点：" + place + "；" + notes,
        };

    /// <summary>The word after 记录 when it is not a date or a label: the kind as written (“记录 读书会 …”).</summary>
    private static string? WrittenKind(string text)
    {
        var words = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        var word = words[1];
        return word.Any(char.IsDigit) || word.Length > 16 || word.EndsWith('日') || word is "今天" or "昨天" or "前天" ? null : word;
    }
}
