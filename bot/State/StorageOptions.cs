using System.ComponentModel.DataAnnotations;

namespace PartyAffairs.Bot.State;

/// <summary>Where the embedded store keeps its files (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>Directory of the embedded Garnet server's log and checkpoints; relative paths are under the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";
}
