using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Ksst.UnitTests.Architecture;

/// <summary>
/// The boundaries the code would otherwise only describe: one write path through the platform
/// library's unit of work, gRPC classes as thin adapters, and services that know each other only
/// through Contracts.
/// </summary>
public sealed class ServiceBoundaryTests
{
    private static readonly string[] ServiceNames = ["Registration", "Scheduling", "Notifications", "Identity"];

    private static readonly System.Reflection.Assembly[] ServiceAssemblies =
        [.. ServiceNames.Select(name => System.Reflection.Assembly.Load($"Ksst.{name}"))];

    private static readonly ArchUnitNET.Domain.Architecture Services = new ArchLoader()
        .LoadAssemblies([.. ServiceAssemblies, System.Reflection.Assembly.Load("Ksst.Platform"), typeof(DbContext).Assembly])
        .Build();

    // Found by reflection (cheap) rather than by ArchUnitNET's assignability over EF Core and gRPC (minutes).
    private static readonly string[] GrpcClassNames =
        [.. ServiceAssemblies.SelectMany(a => a.GetTypes()).Where(IsGrpcClass).Select(t => t.FullName!)];

    private static readonly string[] DbContextNames =
        [.. ServiceAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsSubclassOf(typeof(DbContext))).Select(t => t.FullName!)];

    private static IObjectProvider<IType> ServiceTypes =>
        Types().That().ResideInNamespaceMatching(@"^Ksst\.(Registration|Scheduling|Notifications|Identity)(\..*)?$").As("service types");

    private static IObjectProvider<Class> GrpcClasses => Classes().That().HaveFullNameMatching(AnyOf(GrpcClassNames)).As("gRPC classes");

    private static string AnyOf(IEnumerable<string> fullNames) =>
        $"^({string.Join("|", fullNames.Select(System.Text.RegularExpressions.Regex.Escape))})$";

    private static bool IsGrpcClass(System.Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void No_service_type_opens_a_transaction_or_takes_the_write_lock_itself() =>
        Types().That().Are(ServiceTypes).Should().NotDependOnAny(
            Types().That().HaveFullName("Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction")
                .Or().HaveFullName("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade")
                .Or().HaveFullName("Ksst.Platform.Sqlite.SqliteWriteGate")
                .As("the transaction API and the write lock"))
            .Because("every write goes through UnitOfWork<TContext>")
            .Check(Services);

    [Fact]
    public void No_gRPC_class_depends_on_a_database_or_the_unit_of_work() =>
        Classes().That().Are(GrpcClasses).Should().NotDependOnAny(
            Types().That().HaveFullNameMatching(AnyOf(DbContextNames)).Or().HaveFullNameMatching(@"^Ksst\.Platform\.Sqlite\.UnitOfWork.*")
                .As("a DbContext or the unit of work"))
            .Because("gRPC classes are thin adapters over feature command and query classes")
            .Check(Services);

    [Fact]
    public void No_service_type_touches_audit_entries() =>
        Types().That().Are(ServiceTypes).Should().NotDependOnAny(
            Types().That().HaveFullName("Ksst.Platform.Audit.AuditEntry").As("the audit log's rows"))
            .Because("the audit log is written from the changes being saved and only ever added to (Ksst.Platform.Audit)")
            .Check(Services);

    [Fact]
    public void There_are_gRPC_classes_to_check() =>
        Assert.True(GrpcClassNames.Length >= 5 && DbContextNames.Length == 4, $"found gRPC classes {string.Join(", ", GrpcClassNames)} and contexts {string.Join(", ", DbContextNames)}");

    [Theory]
    [MemberData(nameof(ServicePairs))]
    public void No_service_depends_on_another_service(string service, string other) =>
        Types().That().ResideInNamespaceMatching($@"^Ksst\.{service}(\..*)?$").Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Ksst\.{other}(\..*)?$"))
            .Because("services talk over gRPC and events, whose contracts live in Ksst.Contracts")
            .Check(Services);

    [Fact]
    public void No_service_references_another_services_project()
    {
        foreach (var assembly in ServiceAssemblies)
        {
            var references = assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();
            Assert.DoesNotContain(references, name => ServiceNames.Any(s => name == $"Ksst.{s}" && name != assembly.GetName().Name));
        }
    }

    public static TheoryData<string, string> ServicePairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var service in ServiceNames)
        {
            foreach (var other in ServiceNames.Where(o => o != service))
            {
                pairs.Add(service, other);
            }
        }
        return pairs;
    }
}
