using System.Collections.Concurrent;
using PartyAffairs.Knowledge;

namespace PartyAffairs.Bot.Tests.Conversation;

/// <summary>Stands in for the knowledge base (another area) so tests can check what the bot asks and relays.</summary>
internal sealed class RecordingKnowledgeBase : IKnowledgeBase
{
    public ConcurrentQueue<(string Question, string? Role)> Questions { get; } = new();

    public IReadOnlyList<SourceDocument> Documents => [];

    public IReadOnlyList<Duty> Duties => [];

    public KnowledgeAnswer Ask(string question, string? role = null)
    {
        Questions.Enqueue((question, role));
        return new KnowledgeAnswer { Answered = true, Answer = $"答复：{question}（依据：测试文件 一.1）" };
    }
}
