using System.Net;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Bot.Tests.Console;

/// <summary>Sign-in by one-time link and by the office's token; sessions, sign-out and expiry (real redis-server, fake clock).</summary>
public sealed class ConsoleSignInTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Link_Valid_SetsAStrictSessionCookieAndOpensTheOwnBranch()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = host.Browser();

        var response = await browser.GetAsync(new Uri(host.LinkFor("王书记"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/console/branches/{host.BranchA}", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pa_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        var overview = await browser.GetAsync(new Uri($"/console/branches/{host.BranchA}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("机关第一党支部", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_OrganizationCommissioner_MaySignIn()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("李委员");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri($"/console/branches/{host.BranchA}/members", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Link_Reused_RefusedWithAChinesePage_AndNoSecondSession()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var link = host.LinkFor("王书记");
        using var first = host.Browser();
        using var second = host.Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        var again = await second.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("已被使用", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(again.Headers.Contains("Set-Cookie") && again.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("pa_console=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync(new Uri($"/console/branches/{host.BranchA}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Link_Expired_RefusedWithAChinesePage()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var link = host.LinkFor("王书记");
        host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var browser = host.Browser();

        var response = await browser.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("已超过有效期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?t=")]
    [InlineData("?t=abc.def")]
    [InlineData("?t=tampered")]
    public async Task Link_MissingMalformedOrTampered_Refused(string query)
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        var link = host.LinkFor("王书记");
        if (query == "?t=tampered")
        {
            // Another member id in the payload with the original signature.
            var token = Uri.UnescapeDataString(link[(link.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
            var body = token.Split('.')[0];
            query = "?t=" + Uri.EscapeDataString((body[0] == 'A' ? 'B' : 'A') + body[1..] + "." + token.Split('.')[1]);
        }

        using var browser = host.Browser();
        var response = await browser.GetAsync(new Uri("/console/signin" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("链接无效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ForAPartyMember_Refused()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = host.Browser();

        var response = await browser.GetAsync(new Uri(host.LinkFor("张三"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Session_ExpiresAfterEightHours_ThenTheLoginPage()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var overview = new Uri($"/console/branches/{host.BranchA}", UriKind.Relative);
        host.Time.Advance(TimeSpan.FromHours(7.9));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(overview)).StatusCode);

        host.Time.Advance(TimeSpan.FromHours(0.2));
        var after = await browser.GetAsync(overview);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = await host.SignedInAsync("王书记");
        var overview = $"/console/branches/{host.BranchA}";

        var response = await ConsoleHost.PostFormAsync(browser, "/console/logout", [], overview);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已退出登录", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri(overview, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task OfficeLogin_RightToken_SeesEveryBranch()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var office = await host.OfficeAsync();

        var list = await office.GetStringAsync(new Uri("/console/branches", UriKind.Relative));

        Assert.Contains(host.BranchA, list, StringComparison.Ordinal);
        Assert.Contains(host.BranchB, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri($"/console/branches/{host.BranchB}/members", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task OfficeLogin_WrongToken_RefusedThenThrottled_EvenForTheRightToken()
    {
        await using var host = await new ConsoleHost(redis).SeedAsync();
        using var browser = host.Browser();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await ConsoleHost.PostFormAsync(browser, "/console/login", new() { ["token"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("管理令牌不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var right = await ConsoleHost.PostFormAsync(browser, "/console/login", new() { ["token"] = ConsoleHost.AdminToken });

        Assert.Equal((HttpStatusCode)429, right.StatusCode);
        Assert.Contains("登录失败次数过多", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/console/branches", UriKind.Relative))).StatusCode);
    }
}
