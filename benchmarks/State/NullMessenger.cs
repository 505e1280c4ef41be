using PartyAffairs.BotFramework.Schema;
using PartyAffairs.Channels;

namespace PartyAffairs.Benchmarks.State;

/// <summary>Accepts proactive sends without a channel.</summary>
internal sealed class NullMessenger : IProactiveMessenger
{
    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse("p"));
}
