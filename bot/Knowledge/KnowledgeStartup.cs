using Microsoft.Extensions.Options;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>Loads the corpus when the host starts, before it serves requests.</summary>
internal sealed class KnowledgeStartup(KnowledgeBase knowledgeBase, IOptions<KnowledgeOptions> options, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.ResolvedCorpusDir;
        var errors = await knowledgeBase.LoadAsync(directory, cancellationToken);
        foreach (var error in errors)
        {
            KnowledgeLog.DocumentRejected(logger, error.FileName, error.Reason);
        }

        if (knowledgeBase.IsLoaded)
        {
            KnowledgeLog.Loaded(logger, directory, knowledgeBase.Documents.Count, knowledgeBase.Clauses.Count, knowledgeBase.Duties.Count);
        }
        else
        {
            KnowledgeLog.NothingLoaded(logger, directory);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
