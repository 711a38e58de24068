using Google.Protobuf.Reflection;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// A service's access policy: for every RPC it serves, by full method name
/// ("/ksst.registration.v1.Nominations/Nominate"), who may call it. An RPC without an entry is
/// refused (PERMISSION_DENIED), so a forgotten one fails closed; a test checks that none is
/// forgotten. The gRPC health service is public; reflection is open to any authenticated caller
/// (and to anyone in Development).
/// </summary>
public sealed class AccessTable
{
    private readonly Dictionary<string, RpcAccess> _rules = new(StringComparer.Ordinal);

    /// <summary>Sets who may call each of <paramref name="rules"/>' methods of <paramref name="service"/>; every method of it must be named.</summary>
    public AccessTable For(ServiceDescriptor service, params (string Method, RpcAccess Access)[] rules)
    {
        foreach (var (method, access) in rules)
        {
            var descriptor = service.FindMethodByName(method)
                ?? throw new ArgumentException($"{service.FullName} has no method {method}.", nameof(rules));
            if (!_rules.TryAdd(FullName(descriptor), access))
            {
                throw new ArgumentException($"{service.FullName}/{method} is given twice.", nameof(rules));
            }
        }
        var missing = service.Methods.Where(m => !_rules.ContainsKey(FullName(m))).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{service.FullName} has no access rule for {string.Join(", ", missing)}.", nameof(rules));
        }
        return this;
    }

    /// <summary>Every RPC given a rule, by full method name.</summary>
    public IReadOnlyDictionary<string, RpcAccess> Rules => _rules;

    /// <summary>The rule of <paramref name="fullMethod"/>, or null when it has none.</summary>
    public RpcAccess? Find(string fullMethod) => _rules.GetValueOrDefault(fullMethod);

    /// <summary>"/package.Service/Method", as gRPC names a call.</summary>
    public static string FullName(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";
}
