using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PartyAffairs.Bot.WebConsole.Pages;

/// <summary>Compose, preview and send a notice (the chat's notice rounds), and the year's notices with delivery and acknowledgements.</summary>
internal sealed class NoticesModel(ConsoleNotices notices) : PageModel
{
    public bool Preview { get; private set; }

    public string? Text { get; private set; }

    public int RecipientCount { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<PartyAffairs.Ledger.Notices.NoticeSummary> Sent { get; private set; } = [];

    /// <summary>The branch's time zone, for the notices' times.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(string branchId, int? sent, CancellationToken cancellationToken)
    {
        if (sent is > 0)
        {
            Message = ConsoleTexts.NoticeStarted(sent.Value);
        }

        (Sent, Zone) = await notices.ListAsync(branchId, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string branchId, string? text, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(branchId, text, cancellationToken))
        {
            Preview = true;
        }

        (Sent, Zone) = await notices.ListAsync(branchId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string branchId, string? text, CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(branchId, text, cancellationToken))
        {
            (Sent, Zone) = await notices.ListAsync(branchId, cancellationToken);
            return Page();
        }

        await notices.SendAsync(branchId, ConsoleAccessFilter.Session(HttpContext), Text!, cancellationToken);
        return Redirect($"{Request.PathBase}/console/branches/{Uri.EscapeDataString(branchId)}/notices?sent={RecipientCount}");
    }

    private async Task<bool> ValidateAsync(string branchId, string? text, CancellationToken cancellationToken)
    {
        Text = text?.Trim();
        RecipientCount = (await notices.RecipientsAsync(branchId, ConsoleAccessFilter.Session(HttpContext), cancellationToken)).Count;
        Error = string.IsNullOrEmpty(Text) ? ConsoleTexts.NoticeEmpty
            : Text.Length > ConsoleNotices.MaxLength ? ConsoleTexts.NoticeTooLong(ConsoleNotices.MaxLength)
            : RecipientCount == 0 ? PartyAffairs.Bot.Conversation.Replies.NoticeNoRecipients
            : null;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        return true;
    }
}
