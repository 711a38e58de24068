using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Ksst.ServiceDefaults.Access;

namespace Ksst.UnitTests.Access;

/// <summary>
/// Every RPC has an explicit access rule: each gRPC service a KSST service implements, and every
/// service the contracts declare, is found from the generated descriptors and must be fully in
/// the table of the service that serves it, so a new RPC cannot be forgotten.
/// </summary>
public sealed class AccessPolicyCompletenessTests
{
    public static TheoryData<string> ServiceNames => new() { "registration", "scheduling", "notifications", "identity" };

    private static readonly Dictionary<string, (Assembly Assembly, AccessTable Table)> Services = new()
    {
        ["registration"] = (typeof(global::Ksst.Registration.RegistrationAccess).Assembly, global::Ksst.Registration.RegistrationAccess.Table),
        ["scheduling"] = (typeof(global::Ksst.Scheduling.Access.SchedulingAccess).Assembly, global::Ksst.Scheduling.Access.SchedulingAccess.Table),
        ["notifications"] = (typeof(global::Ksst.Notifications.Access.NotificationsAccess).Assembly, global::Ksst.Notifications.Access.NotificationsAccess.Table),
        ["identity"] = (typeof(global::Ksst.Identity.Access.IdentityAccess).Assembly, global::Ksst.Identity.Access.IdentityAccess.Table),
    };

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_rpc_a_service_implements_has_a_rule_in_its_table(string service)
    {
        var (assembly, table) = Services[service];
        var implemented = ImplementedServices(assembly).ToList();
        Assert.NotEmpty(implemented);
        var missing = implemented.SelectMany(s => s.Methods).Select(AccessTable.FullName).Where(m => table.Find(m) is null).ToList();
        Assert.True(missing.Count == 0, $"{service} has no access rule for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_rpc_the_contracts_declare_has_a_rule_in_some_service()
    {
        var declared = typeof(global::Ksst.Contracts.Registration.V1.Nominations).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
            .SelectMany(s => s.Methods)
            .Select(AccessTable.FullName)
            .Distinct()
            .ToList();
        Assert.True(declared.Count >= 52, $"Found only {declared.Count} RPCs in the contracts.");
        var missing = declared.Where(m => Services.Values.All(s => s.Table.Find(m) is null)).ToList();
        Assert.True(missing.Count == 0, $"No service has an access rule for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_table_that_leaves_out_a_method_of_a_service_is_refused_when_built()
    {
        var service = global::Ksst.Contracts.Registration.V1.MemberCountries.Descriptor;
        Assert.Throws<ArgumentException>(() => new AccessTable().For(global::Ksst.Contracts.Registration.V1.Programmes.Descriptor, ("GetBatch", RpcAccess.For(Role.Ops))));
        Assert.Throws<ArgumentException>(() => new AccessTable().For(service, ("NoSuchMethod", RpcAccess.For(Role.Ops))));
        Assert.NotNull(new AccessTable().For(service, ("ListMemberCountries", RpcAccess.For(Role.Ops))).Find("/ksst.registration.v1.MemberCountries/ListMemberCountries"));
    }

    /// <summary>The gRPC services whose generated base class a type of <paramref name="assembly"/> derives from.</summary>
    private static IEnumerable<ServiceDescriptor> ImplementedServices(Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b?.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            .Select(b => (ServiceDescriptor)b!.DeclaringType!.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .DistinctBy(s => s.FullName);
}
