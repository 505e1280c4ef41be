using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PartyAffairs.Bot.State;

/// <summary>
/// Branches, their rosters, one-time invite codes and which chat accounts are bound to which member. An invite code
/// works until it is claimed or its lifetime (<see cref="RosterOptions.InviteLifetime"/>) ends; the store keeps
/// <c>memberId|expiresAt(unix ms)</c> for it (codes from before expiry was kept have no expiry part).
/// </summary>
public sealed class RosterStore(IConnectionMultiplexer connection, TimeProvider time, IOptions<RosterOptions>? options = null)
{
    private const int MaxCodeAttempts = 8;

    /// <summary>Commands sent together when reading per-member keys of a large roster.</summary>
    private const int ReadChunk = 500;

    private readonly RosterOptions _options = options?.Value ?? new RosterOptions();

    private IDatabase Db => connection.GetDatabase();

    /// <summary>Creates a branch; null when the id is taken.</summary>
    public async Task<Branch?> CreateBranchAsync(string id, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var branch = new Branch { Id = id, Name = name, CreatedAt = time.GetUtcNow() };
        var tran = Db.CreateTransaction();
        tran.AddCondition(Condition.KeyNotExists(StoreKeys.Branch(id)));
        _ = tran.StringSetAsync(StoreKeys.Branch(id), StoreJson.Write(branch));
        _ = tran.SetAddAsync(StoreKeys.Branches, id);
        return await tran.ExecuteAsync() ? branch : null;
    }

    /// <summary>The branch, or null.</summary>
    public async Task<Branch?> GetBranchAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return StoreJson.Read<Branch>(await Db.StringGetAsync(StoreKeys.Branch(id)));
    }

    /// <summary>Every branch, by id.</summary>
    public async Task<IReadOnlyList<Branch>> ListBranchesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ids = await Db.SetMembersAsync(StoreKeys.Branches);
        var values = await Task.WhenAll(ids.Select(id => Db.StringGetAsync(StoreKeys.Branch(id.ToString()))));
        return values.Select(StoreJson.Read<Branch>).OfType<Branch>().OrderBy(b => b.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The member, or null.</summary>
    public async Task<Member?> GetMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return StoreJson.Read<Member>(await Db.StringGetAsync(StoreKeys.Member(memberId)));
    }

    /// <summary>Replaces a member's person columns (<see cref="MemberProfile"/>); null when the member is not on the branch's roster.</summary>
    public async Task<Member?> UpdateProfileAsync(string branchId, string memberId, MemberProfile profile, CancellationToken cancellationToken)
    {
        if (await GetMemberAsync(memberId, cancellationToken) is not { } member || member.BranchId != branchId)
        {
            return null;
        }

        // An admin edit of one member: the last write wins, as for a roster import.
        var updated = member with { Profile = profile };
        await Db.StringSetAsync(StoreKeys.Member(memberId), StoreJson.Write(updated));
        return updated;
    }

    /// <summary>Every member of a branch (one round trip for the ids, one for the profiles).</summary>
    public async Task<IReadOnlyList<Member>> ListMembersAsync(string branchId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var ids = await db.SetMembersAsync(StoreKeys.BranchMembers(branchId));
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync(ids.Select(id => StoreKeys.Member(id.ToString())).ToArray());
        return values.Select(StoreJson.Read<Member>).OfType<Member>()
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Adds roster rows to a branch in transactions of <see cref="RosterOptions.ImportBatchSize"/> rows (so a large roster
    /// never holds the shared connection for long): each new member gets a fresh invite code; a row whose name and mobile
    /// match an existing member updates that member's role instead of adding a second one. An import cut short (the store
    /// went down) has stored whole batches only; importing the same file again completes it without duplicates.
    /// </summary>
    public async Task<IReadOnlyList<ImportedMember>> ImportAsync(string branchId, IReadOnlyList<NewMember> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var existing = await ListMembersAsync(branchId, cancellationToken);
        var invites = await ListInvitesAsync(branchId, cancellationToken);
        var boundIds = await BoundMemberIdsAsync(existing, cancellationToken);
        var byIdentity = new Dictionary<(string Name, string? Mobile), Member>();
        foreach (var member in existing)
        {
            byIdentity.TryAdd((member.Name, member.Mobile), member);
        }

        var inviteByMember = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var invite in invites)
        {
            inviteByMember.TryAdd(invite.MemberId, invite.Code);
        }

        // Members of one import differ by a tick, so listings keep the roster's order.
        var now = time.GetUtcNow();
        var result = new List<ImportedMember>(rows.Count);
        var batchSize = Math.Max(1, _options.ImportBatchSize);
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, rows.Count - start);
            result.AddRange(await ImportBatchAsync(branchId, rows, start, count, now, byIdentity, boundIds, inviteByMember, cancellationToken));
        }

        return result;
    }

    private async Task<List<ImportedMember>> ImportBatchAsync(
        string branchId, IReadOnlyList<NewMember> rows, int start, int count, DateTimeOffset now, Dictionary<(string Name, string? Mobile), Member> byIdentity,
        HashSet<string> boundIds, Dictionary<string, string> inviteByMember, CancellationToken cancellationToken)
    {
        var expiresAt = now + _options.InviteLifetime;
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = new List<ImportedMember>(count);
            var tran = Db.CreateTransaction();
            tran.AddCondition(Condition.KeyExists(StoreKeys.Branch(branchId)));
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            var newIds = new Dictionary<(string, string?), Member>();
            for (var index = start; index < start + count; index++)
            {
                var row = rows[index];
                var match = byIdentity.GetValueOrDefault((row.Name, row.Mobile)) ?? newIds.GetValueOrDefault((row.Name, row.Mobile));
                var member = match is null
                    ? new Member { Id = NewMemberId(), BranchId = branchId, Name = row.Name, Role = row.Role, Mobile = row.Mobile, Profile = row.Profile, CreatedAt = now.AddTicks(index) }
                    : match with { Role = row.Role, Profile = row.Profile ?? match.Profile };
                string? code = null;
                if (match is null || (!boundIds.Contains(match.Id) && !inviteByMember.ContainsKey(match.Id) && !newIds.ContainsKey((row.Name, row.Mobile))))
                {
                    do
                    {
                        code = InviteCodes.Generate();
                    }
                    while (!claimed.Add(code));

                    var value = InviteValue(member.Id, expiresAt);
                    tran.AddCondition(Condition.KeyNotExists(StoreKeys.Invite(code)));
                    _ = tran.StringSetAsync(StoreKeys.Invite(code), value, InviteKeyLifetime());
                    _ = tran.HashSetAsync(StoreKeys.BranchInvites(branchId), code, value);
                }
                else
                {
                    code = inviteByMember.GetValueOrDefault(match.Id) ?? result.LastOrDefault(r => r.Member.Id == match.Id)?.InviteCode;
                }

                if (match is null)
                {
                    newIds[(row.Name, row.Mobile)] = member;
                }

                _ = tran.StringSetAsync(StoreKeys.Member(member.Id), StoreJson.Write(member));
                _ = tran.SetAddAsync(StoreKeys.BranchMembers(branchId), member.Id);
                result.Add(new ImportedMember(member, code, match is null));
            }

            if (await tran.ExecuteAsync())
            {
                foreach (var imported in result)
                {
                    byIdentity[(imported.Member.Name, imported.Member.Mobile)] = imported.Member;
                    if (imported.InviteCode is { } code)
                    {
                        inviteByMember[imported.Member.Id] = code;
                    }
                }

                return result;
            }

            if (!await Db.KeyExistsAsync(StoreKeys.Branch(branchId)))
            {
                throw new KeyNotFoundException($"No branch '{branchId}'.");
            }

            // An invite code collided with one issued meanwhile: draw new codes and try again.
        }

        throw new InvalidOperationException("Could not allocate unique invite codes.");
    }

    /// <summary>The unclaimed, unexpired invite codes of a branch, with their expiry.</summary>
    public async Task<IReadOnlyList<InviteCode>> ListInvitesAsync(string branchId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await Db.HashGetAllAsync(StoreKeys.BranchInvites(branchId));
        var now = time.GetUtcNow();
        return entries.Select(e => ParseInvite(e.Name.ToString(), e.Value))
            .Where(i => i.ExpiresAt is not { } expires || expires > now)
            .OrderBy(i => i.Code, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Issues a new invite code for a member (another device or channel); the member's previous unused code stops working.</summary>
    public async Task<string?> IssueInviteAsync(string memberId, CancellationToken cancellationToken)
    {
        var member = await GetMemberAsync(memberId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        // Expired codes of the member go too (ListInvitesAsync leaves them out).
        var previous = (await Db.HashGetAllAsync(StoreKeys.BranchInvites(member.BranchId)))
            .Select(e => ParseInvite(e.Name.ToString(), e.Value)).Where(i => i.MemberId == memberId).ToArray();
        var value = InviteValue(memberId, time.GetUtcNow() + _options.InviteLifetime);
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = InviteCodes.Generate();
            var tran = Db.CreateTransaction();
            tran.AddCondition(Condition.KeyNotExists(StoreKeys.Invite(code)));
            foreach (var old in previous)
            {
                _ = tran.KeyDeleteAsync(StoreKeys.Invite(old.Code));
                _ = tran.HashDeleteAsync(StoreKeys.BranchInvites(member.BranchId), old.Code);
            }

            _ = tran.StringSetAsync(StoreKeys.Invite(code), value, InviteKeyLifetime());
            _ = tran.HashSetAsync(StoreKeys.BranchInvites(member.BranchId), code, value);
            if (await tran.ExecuteAsync())
            {
                return code;
            }
        }

        throw new InvalidOperationException("Could not allocate a unique invite code.");
    }

    /// <summary>Binds a chat account to the member a code was issued for; the code works once, even under concurrent claims.</summary>
    public async Task<BindResult> ClaimInviteAsync(string code, string channelId, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var accountKey = StoreKeys.Account(channelId, userId);
        var inviteKey = StoreKeys.Invite(code);
        var boundTask = db.StringGetAsync(accountKey);
        var inviteTask = db.StringGetAsync(inviteKey);
        var (bound, stored) = (await boundTask, await inviteTask);
        if (!bound.IsNullOrEmpty)
        {
            return new BindResult(BindOutcome.AlreadyBound, await GetMemberAsync(bound.ToString(), cancellationToken));
        }

        if (stored.IsNullOrEmpty)
        {
            return new BindResult(BindOutcome.InvalidCode, null);
        }

        var invite = ParseInvite(code, stored);
        if (invite.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return new BindResult(BindOutcome.InvalidCode, null);
        }

        if (await GetMemberAsync(invite.MemberId, cancellationToken) is not { } member)
        {
            return new BindResult(BindOutcome.InvalidCode, null);
        }

        var tran = db.CreateTransaction();
        tran.AddCondition(Condition.StringEqual(inviteKey, stored));
        tran.AddCondition(Condition.KeyNotExists(accountKey));
        _ = tran.KeyDeleteAsync(inviteKey);
        _ = tran.HashDeleteAsync(StoreKeys.BranchInvites(member.BranchId), code);
        _ = tran.StringSetAsync(accountKey, member.Id);
        _ = tran.SetAddAsync(StoreKeys.MemberAccounts(member.Id), $"{channelId}:{userId}");
        if (await tran.ExecuteAsync())
        {
            return new BindResult(BindOutcome.Bound, member);
        }

        // Lost a race: either the code went to someone else or this account was bound meanwhile.
        var nowBound = await db.StringGetAsync(accountKey);
        return nowBound.IsNullOrEmpty
            ? new BindResult(BindOutcome.InvalidCode, null)
            : new BindResult(BindOutcome.AlreadyBound, await GetMemberAsync(nowBound.ToString(), cancellationToken));
    }

    /// <summary>
    /// Binds a chat account to the one roster member (of any branch) whose mobile number is <paramref name="mobile"/>
    /// (normalised, see <see cref="MobileNumbers"/>). No member or several → nothing is bound. Invite codes are untouched.
    /// </summary>
    public async Task<BindResult> BindByMobileAsync(string mobile, string channelId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mobile);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var branchIds = await db.SetMembersAsync(StoreKeys.Branches);
        var memberIds = await Task.WhenAll(branchIds.Select(b => db.SetMembersAsync(StoreKeys.BranchMembers(b.ToString()))));
        var keys = memberIds.SelectMany(ids => ids).Select(id => StoreKeys.Member(id.ToString())).Distinct().ToArray();
        var profiles = keys.Length == 0 ? [] : await db.StringGetAsync(keys);
        var matches = profiles.Select(StoreJson.Read<Member>).OfType<Member>()
            .Where(m => MobileNumbers.TryNormalize(m.Mobile, out var number) && number == mobile)
            .Take(2)
            .ToArray();
        if (matches.Length != 1)
        {
            return new BindResult(matches.Length == 0 ? BindOutcome.NoMobileMatch : BindOutcome.AmbiguousMobile, null);
        }

        var member = matches[0];
        var accountKey = StoreKeys.Account(channelId, userId);
        var tran = db.CreateTransaction();
        tran.AddCondition(Condition.KeyNotExists(accountKey));
        _ = tran.StringSetAsync(accountKey, member.Id);
        _ = tran.SetAddAsync(StoreKeys.MemberAccounts(member.Id), $"{channelId}:{userId}");
        if (await tran.ExecuteAsync())
        {
            return new BindResult(BindOutcome.Bound, member);
        }

        // This account was bound meanwhile (an invite code in a parallel turn).
        var bound = await db.StringGetAsync(accountKey);
        return new BindResult(BindOutcome.AlreadyBound, bound.IsNullOrEmpty ? null : await GetMemberAsync(bound.ToString(), cancellationToken));
    }

    /// <summary>The member id a chat account is bound to, or null.</summary>
    public async Task<string?> GetBoundMemberIdAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await Db.StringGetAsync(StoreKeys.Account(channelId, userId));
        return value.IsNullOrEmpty ? null : value.ToString();
    }

    /// <summary>The chat accounts (channelId:userId) bound to each member.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> GetAccountsAsync(IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        var ids = memberIds.Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, string[]>(ids.Length, StringComparer.Ordinal);
        // In rounds: tens of thousands of commands queued at once would wait past the command timeout.
        foreach (var chunk in ids.Chunk(ReadChunk))
        {
            var sets = await Task.WhenAll(chunk.Select(id => db.SetMembersAsync(StoreKeys.MemberAccounts(id))));
            foreach (var (id, set) in chunk.Zip(sets))
            {
                result[id] = set.Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray();
            }
        }

        return result;
    }

    /// <summary>Replaces a member's name, role and mobile (id, branch and creation time stay); false when the member is gone.</summary>
    public async Task<bool> UpdateMemberAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        cancellationToken.ThrowIfCancellationRequested();
        var tran = Db.CreateTransaction();
        tran.AddCondition(Condition.KeyExists(StoreKeys.Member(member.Id)));
        tran.AddCondition(Condition.SetContains(StoreKeys.BranchMembers(member.BranchId), member.Id));
        _ = tran.StringSetAsync(StoreKeys.Member(member.Id), StoreJson.Write(member));
        return await tran.ExecuteAsync();
    }

    /// <summary>Removes a member from the branch roster with their unused invite codes and chat bindings; false when not on the roster.</summary>
    public async Task<bool> RemoveMemberAsync(string branchId, string memberId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = Db;
        if (!await db.SetContainsAsync(StoreKeys.BranchMembers(branchId), memberId))
        {
            return false;
        }

        var invites = (await ListInvitesAsync(branchId, cancellationToken)).Where(i => i.MemberId == memberId).ToArray();
        var accounts = await db.SetMembersAsync(StoreKeys.MemberAccounts(memberId));
        var tran = db.CreateTransaction();
        tran.AddCondition(Condition.SetContains(StoreKeys.BranchMembers(branchId), memberId));
        _ = tran.SetRemoveAsync(StoreKeys.BranchMembers(branchId), memberId);
        _ = tran.KeyDeleteAsync(StoreKeys.Member(memberId));
        _ = tran.KeyDeleteAsync(StoreKeys.MemberAccounts(memberId));
        foreach (var invite in invites)
        {
            _ = tran.KeyDeleteAsync(StoreKeys.Invite(invite.Code));
            _ = tran.HashDeleteAsync(StoreKeys.BranchInvites(branchId), invite.Code);
        }

        foreach (var account in accounts.Select(a => a.ToString()))
        {
            var colon = account.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                // Only a binding that still points at this member.
                var key = StoreKeys.Account(account[..colon], account[(colon + 1)..]);
                tran.AddCondition(Condition.StringEqual(key, memberId));
                _ = tran.KeyDeleteAsync(key);
            }
        }

        return await tran.ExecuteAsync();
    }

    private async Task<HashSet<string>> BoundMemberIdsAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var accounts = await GetAccountsAsync(members.Select(m => m.Id), cancellationToken);
        return accounts.Where(a => a.Value.Length > 0).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The invite key's own expiry: a day past the code's, so the store forgets it even if nobody lists it.</summary>
    private TimeSpan InviteKeyLifetime() => _options.InviteLifetime + TimeSpan.FromDays(1);

    private static string InviteValue(string memberId, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{memberId}|{expiresAt.ToUnixTimeMilliseconds()}");

    private static InviteCode ParseInvite(string code, RedisValue value)
    {
        var text = value.ToString();
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !long.TryParse(text.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return new InviteCode(code, text);
        }

        return new InviteCode(code, text[..bar], DateTimeOffset.FromUnixTimeMilliseconds(ms));
    }

    private static string NewMemberId() => "m" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
}
