using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Ksst.IntegrationTests.Platform;

namespace Ksst.IntegrationTests.Access;

/// <summary>
/// Calls every RPC of every service, over gRPC and over JSON, as anonymous and as each kind of
/// caller, and checks the answer against <see cref="AccessMatrix"/>: no token is
/// UNAUTHENTICATED (401), a caller the RPC does not admit is PERMISSION_DENIED (403) for its
/// role, and an admitted caller gets past the access check (its empty request is then refused
/// for what it is, never for who sent it).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AccessMatrixTests(StackFixture stack)
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    /// <summary>Every RPC the contracts declare.</summary>
    private static IReadOnlyList<MethodDescriptor> Methods { get; } = typeof(Contracts.Registration.V1.Nominations).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
        .SelectMany(s => s.Methods)
        .DistinctBy(m => m.FullName)
        .ToList();

    private static string FullName(MethodDescriptor m) => $"/{m.Service.FullName}/{m.Name}";

    [Fact]
    public void The_matrix_names_every_rpc_the_contracts_declare()
    {
        var missing = Methods.Select(FullName).Where(m => !AccessMatrix.Admitted.ContainsKey(m)).ToList();
        Assert.True(missing.Count == 0, $"Not in the access matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Over_grpc_every_rpc_answers_each_caller_as_the_matrix_says()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var wrong = new List<string>();
        foreach (var method in Methods)
        {
            foreach (var service in AccessMatrix.ServedBy(method.Service.FullName))
            {
                foreach (var caller in AccessMatrix.Callers.Prepend("anonymous"))
                {
                    var status = await CallGrpcAsync(service, method, caller, cts.Token);
                    if (Verdict(method, caller, status.Code, status.Reason) is { } problem)
                    {
                        wrong.Add($"{service} {FullName(method)} as {caller}: {problem}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Over_json_every_rpc_answers_each_caller_as_the_matrix_says()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var wrong = new List<string>();
        var routes = 0;
        foreach (var method in Methods)
        {
            foreach (var service in AccessMatrix.ServedBy(method.Service.FullName))
            {
                foreach (var caller in AccessMatrix.Callers.Prepend("anonymous"))
                {
                    using var request = JsonRequest(method);
                    if (request is null)
                    {
                        continue;
                    }
                    routes++;
                    if (caller != "anonymous")
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await stack.TokenAsync(caller, cts.Token));
                    }
                    using var http = stack.AnonymousHttp(service);
                    using var response = await http.SendAsync(request, cts.Token);
                    var code = response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
                        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
                        _ => StatusCode.OK,
                    };
                    var reason = code == StatusCode.PermissionDenied ? await ReasonAsync(response, cts.Token) : "";
                    if (Verdict(method, caller, code, reason) is { } problem)
                    {
                        wrong.Add($"{service} {request.Method} {request.RequestUri} ({FullName(method)}) as {caller}: {problem}");
                    }
                }
            }
        }
        Assert.True(routes > 40 * 7, $"Only {routes} JSON calls were made.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>What is wrong with <paramref name="code"/> as the answer to <paramref name="caller"/>, or null.</summary>
    private static string? Verdict(MethodDescriptor method, string caller, StatusCode code, string reason)
    {
        if (caller == "anonymous")
        {
            return code == StatusCode.Unauthenticated ? null : $"expected UNAUTHENTICATED, got {code}";
        }
        var admitted = AccessMatrix.Admits(FullName(method), caller);
        var refusedForRole = code == StatusCode.PermissionDenied && reason == "ROLE_NOT_ADMITTED";
        return (admitted, code) switch
        {
            (_, StatusCode.Unauthenticated) => "a valid token was UNAUTHENTICATED",
            (true, _) when refusedForRole => "refused for its role though the matrix admits it",
            (false, _) when !refusedForRole => $"expected PERMISSION_DENIED for its role, got {code} {reason}",
            _ => null,
        };
    }

    private async Task<(StatusCode Code, string Reason)> CallGrpcAsync(string service, MethodDescriptor method, string caller, CancellationToken ct)
    {
        var invoker = stack.AnonymousChannel(service).CreateCallInvoker();
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, Raw, Raw);
        var headers = new Metadata();
        if (caller != "anonymous")
        {
            headers.Add("authorization", $"Bearer {await stack.TokenAsync(caller, ct)}");
        }
        try
        {
            await invoker.AsyncUnaryCall(call, null, new CallOptions(headers, DateTime.UtcNow + StackFixture.Timeout, ct), []).ResponseAsync;
            return (StatusCode.OK, "");
        }
        catch (RpcException e)
        {
            var info = e.GetRpcStatus()?.GetDetail<ErrorInfo>();
            return (e.StatusCode, info?.Reason ?? "");
        }
    }

    /// <summary>The RPC's JSON route for a request whose path variables are all "x"; null when it has none.</summary>
    private static HttpRequestMessage? JsonRequest(MethodDescriptor method)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String && !f.IsRepeated))
        {
            field.Accessor.SetValue(request, "x");
        }
        foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && f.MessageType.ClrType is { } t && !t.Namespace!.StartsWith("Google", StringComparison.Ordinal)))
        {
            var inner = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
            foreach (var innerField in field.MessageType.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String && !f.IsRepeated))
            {
                innerField.Accessor.SetValue(inner, "x");
            }
            field.Accessor.SetValue(request, inner);
        }
        return JsonRoutes.For(method, request);
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var status = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor))).Parse<Google.Rpc.Status>(body);
            return status.Details.Select(d => d.TryUnpack<ErrorInfo>(out var info) ? info.Reason : null).FirstOrDefault(r => r is not null) ?? "";
        }
        catch (InvalidProtocolBufferException)
        {
            return "";
        }
    }
}
