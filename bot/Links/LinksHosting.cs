using Microsoft.Extensions.Options;
using PartyAffairs.Bot.State;

namespace PartyAffairs.Bot.Links;

/// <summary>
/// Composition of signed links: <see cref="SignedLinks"/> (issue, check, redeem once) and <see cref="PublicAddress"/>
/// (where links point). Areas that hand out links (the console's sign-in, workbook downloads) use both.
/// </summary>
internal static class LinksHosting
{
    /// <summary>Registers the services; options from the <c>Links</c> section.</summary>
    public static WebApplicationBuilder AddLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.SectionName);
        builder.Services.AddSingleton(sp => LinkKey.From(
            sp.GetRequiredService<IOptions<LinkOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDir));
        builder.Services.AddSingleton<SignedLinks>();
        builder.Services.AddSingleton<PublicAddress>();
        return builder;
    }
}
