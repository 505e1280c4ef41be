using Microsoft.Extensions.Time.Testing;
using PartyAffairs.Bot.Links;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Links;

public sealed class SignedLinksTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private SignedLinks Links(string key = "0123456789abcdef0123456789abcdef") =>
        new(LinkKey.From(new LinkOptions { Key = key }, Path.GetTempPath()), redis.Connection, _time);

    [Fact]
    public void Issued_IsValid_ForItsPurposeOnly_WithWhatItGrants()
    {
        var links = Links();
        var token = links.Issue("console-signin", "m1", "b1", TimeSpan.FromMinutes(10));

        var check = links.Check(token, "console-signin");
        Assert.Equal(LinkStatus.Valid, check.Status);
        Assert.Equal(("m1", "b1"), (check.Link!.Subject, check.Link.Scope));
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), check.Link.ExpiresAt);
        Assert.Equal(LinkStatus.Invalid, links.Check(token, "ledger-export").Status);
    }

    [Fact]
    public void Expired_AfterItsLifetime()
    {
        var links = Links();
        var token = links.Issue("console-signin", "m1", "b1", TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(LinkStatus.Expired, links.Check(token, "console-signin").Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Malformed_IsInvalid(string? token) => Assert.Equal(LinkStatus.Invalid, Links().Check(token, "console-signin").Status);

    [Fact]
    public void Altered_OrSignedWithAnotherKey_IsInvalid()
    {
        var token = Links().Issue("console-signin", "m1", "b1", TimeSpan.FromMinutes(10));
        var (body, mac) = (token.Split('.')[0], token.Split('.')[1]);
        var altered = (body[0] == 'A' ? 'B' : 'A') + body[1..] + "." + mac;

        Assert.Equal(LinkStatus.Invalid, Links().Check(altered, "console-signin").Status);
        Assert.Equal(LinkStatus.Invalid, Links("another key of thirty-two characters!").Check(token, "console-signin").Status);
    }

    [Fact]
    public async Task Redeem_SucceedsOnce_OfConcurrentAttempts()
    {
        var links = Links();
        var token = links.Issue("console-signin", "m1", "b1", TimeSpan.FromMinutes(10));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => links.RedeemAsync(token, "console-signin")));

        Assert.Single(results, r => r.Status == LinkStatus.Valid);
        Assert.All(results.Where(r => r.Status != LinkStatus.Valid), r => Assert.Equal(LinkStatus.Used, r.Status));
        Assert.Equal(LinkStatus.Valid, links.Check(token, "console-signin").Status); // checking does not use it
    }

    [Fact]
    public void ShortConfiguredKey_IsRefusedAtStart() =>
        Assert.Throws<InvalidOperationException>(() => LinkKey.From(new LinkOptions { Key = "short" }, Path.GetTempPath()));

    [Fact]
    public void GeneratedKey_IsKeptInTheDataFolder_OwnerOnly()
    {
        var folder = Directory.CreateTempSubdirectory("pa-link-key-").FullName;
        try
        {
            var first = new SignedLinks(LinkKey.From(new LinkOptions(), folder), redis.Connection, _time);
            var token = first.Issue("p", "s", "c", TimeSpan.FromMinutes(1));
            var second = new SignedLinks(LinkKey.From(new LinkOptions(), folder), redis.Connection, _time);

            Assert.Equal(LinkStatus.Valid, second.Check(token, "p").Status);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, SecretFile.LinkKey)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
