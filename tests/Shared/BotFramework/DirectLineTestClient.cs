using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PartyAffairs.Tests.BotFramework;

/// <summary>Speaks Direct Line 3.0 to the host the way DirectLineJS does, for tests.</summary>
internal sealed class DirectLineTestClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static HttpRequestMessage Request(HttpMethod method, string path, string? credential, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, string? json = null, string contentType = "application/json")
    {
        using var request = Request(method, path, credential, json, contentType);
        return await Http.SendAsync(request);
    }

    /// <summary>Generates a token with the secret for a new conversation.</summary>
    public async Task<(string ConversationId, string Token)> GenerateTokenAsync(string? userId = null)
    {
        var body = userId is null ? null : JsonSerializer.Serialize(new { user = new { id = userId } });
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", BotFrameworkHost.Secret, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    /// <summary>Generates a token and starts its conversation; returns the start response.</summary>
    public async Task<(string ConversationId, string Token, JsonElement Start)> StartConversationAsync(string? userId = null)
    {
        var (conversationId, token) = await GenerateTokenAsync(userId);
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, """{"locale":"zh-CN"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (conversationId, json.GetProperty("token").GetString()!, json);
    }

    public async Task<HttpResponseMessage> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var activity = new
        {
            type = "message",
            text,
            textFormat = "plain",
            locale = "zh-CN",
            channelId = "webchat",
            from = new { id = "r_client", name = "王小明", role = "user" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        return await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, JsonSerializer.Serialize(activity));
    }

    public async Task<(JsonElement[] Activities, string? Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var watermarkValue = json.TryGetProperty("watermark", out var w) ? w.GetString() : null;
        return ([.. json.GetProperty("activities").EnumerateArray()], watermarkValue);
    }

    /// <summary>Every activity of the transcript, following watermarks page by page.</summary>
    public async Task<List<JsonElement>> GetAllActivitiesAsync(string conversationId, string token)
    {
        var all = new List<JsonElement>();
        string? watermark = "";
        while (true)
        {
            var (page, next) = await GetActivitiesAsync(conversationId, token, watermark);
            if (page.Length == 0)
            {
                return all;
            }

            all.AddRange(page);
            watermark = next;
        }
    }
}
