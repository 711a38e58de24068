using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace Ksst.IntegrationTests.Platform;

/// <summary>What a refused request looks like to the caller, over gRPC and over JSON.</summary>
internal static class RefusedRequests
{
    /// <summary>The fields an INVALID_ARGUMENT names, in order; fails on any other status.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations];
    }

    /// <summary>The fields an HTTP 400 from JSON transcoding names, in order, with their descriptions.</summary>
    public static async Task<IReadOnlyList<(string Field, string Description)>> ViolationsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"HTTP {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal((int)StatusCode.InvalidArgument, body.RootElement.GetProperty("code").GetInt32());
        var detail = body.RootElement.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        return [.. detail.GetProperty("fieldViolations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("description").GetString()!))];
    }

    /// <summary>A JSON body as transcoding reads it.</summary>
    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
