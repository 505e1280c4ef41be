using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartyAffairs.Bot.Admin;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>One member: edit name, role and mobile with the roster's rules; remove after a confirmation step.</summary>
internal sealed class MemberModel(RosterStore roster) : PageModel
{
    private const int MaxNameLength = 32;

    public Member Member { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public string Role { get; private set; } = "";

    public string? Mobile { get; private set; }

    public bool ConfirmRemove { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string branchId, string memberId, int? remove, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(branchId, memberId, cancellationToken))
        {
            return StatusPage.NotFound(HttpContext);
        }

        ConfirmRemove = remove == 1;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string branchId, string memberId, string? name, string? role, string? mobile, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(branchId, memberId, cancellationToken))
        {
            return StatusPage.NotFound(HttpContext);
        }

        (Name, Role, Mobile) = (name?.Trim() ?? "", role?.Trim() ?? "", mobile?.Trim());
        var reasons = new List<string>();
        if (Name.Length == 0)
        {
            reasons.Add(AdminMessages.NameMissing);
        }
        else if (Name.Length > MaxNameLength)
        {
            reasons.Add(AdminMessages.NameTooLong);
        }
        else if (Name.Any(char.IsControl))
        {
            reasons.Add(AdminMessages.NameHasControl);
        }

        if (!MemberRoles.IsValid(Role))
        {
            reasons.Add(Role.Length == 0 ? AdminMessages.RoleMissing : AdminMessages.RoleInvalid(Role));
        }

        string? normalized = null;
        if (!string.IsNullOrEmpty(Mobile) && !MobileNumbers.TryNormalize(Mobile, out normalized))
        {
            reasons.Add(AdminMessages.MobileInvalid(Mobile));
        }

        if (reasons.Count == 0 && normalized is not null
            && (await roster.ListMembersAsync(branchId, cancellationToken)).Any(m => m.Id != memberId && MobileNumbers.TryNormalize(m.Mobile, out var other) && other == normalized))
        {
            reasons.Add(ConsoleTexts.MobileTaken);
        }

        if (reasons.Count > 0)
        {
            Error = string.Join("；", reasons);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var updated = Member with { Name = Name, Role = Role, Mobile = normalized };
        if (!await roster.UpdateMemberAsync(updated, cancellationToken))
        {
            return StatusPage.NotFound(HttpContext);
        }

        Member = updated;
        Mobile = normalized;
        Message = ConsoleTexts.MemberSaved;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string branchId, string memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(branchId, memberId, cancellationToken) || !await roster.RemoveMemberAsync(branchId, memberId, cancellationToken))
        {
            return StatusPage.NotFound(HttpContext);
        }

        return StatusPage.Page(HttpContext, StatusCodes.Status200OK, ConsoleTexts.MemberRemoved, $"{Member.Name}：{ConsoleTexts.MemberRemoved}");
    }

    private async Task<bool> LoadAsync(string branchId, string memberId, CancellationToken cancellationToken)
    {
        var member = await roster.GetMemberAsync(memberId, cancellationToken);
        if (member is null || member.BranchId != branchId)
        {
            return false;
        }

        Member = member;
        (Name, Role, Mobile) = (member.Name, member.Role, member.Mobile);
        return true;
    }
}
