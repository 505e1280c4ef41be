using System.Text.RegularExpressions;

namespace PartyAffairs.Knowledge.Retrieval;

/// <summary>A party-affairs topic (主题党日, 党费 …): how members ask about it and how the documents write it.</summary>
/// <param name="Name">Canonical name, as the documents write it.</param>
/// <param name="Query">Matches the topic in a normalized question, including colloquial forms.</param>
/// <param name="Clause">Matches the topic in a normalized clause.</param>
/// <param name="Weight">How much a match says: specific topics weigh more than generic ones (汇报, 检查).</param>
/// <param name="Sample">An example question about the topic, offered as a suggestion.</param>
internal sealed record Concept(string Name, Regex Query, Regex Clause, double Weight, string? Sample);
