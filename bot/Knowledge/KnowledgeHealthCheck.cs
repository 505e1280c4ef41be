using Microsoft.Extensions.Diagnostics.HealthChecks;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Knowledge;

/// <summary>Healthy once the knowledge base has loaded its corpus.</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase knowledgeBase) : IHealthCheck
{
    /// <summary>The check's name in /healthz.</summary>
    public const string Name = "knowledge";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledgeBase.IsLoaded
            ? HealthCheckResult.Healthy($"{knowledgeBase.Documents.Count} documents, {knowledgeBase.Clauses.Count} clauses")
            : HealthCheckResult.Unhealthy("knowledge base not loaded"));
}
