using Ksst.Contracts.Operations.V1;
using Ksst.ServiceDefaults.Access;

namespace Ksst.Platform.Outbox;

/// <summary>Who may use the outbox's operator API: operators (outbox rows carry no personal data).</summary>
public static class OutboxAccess
{
    /// <summary>Adds the rules of <see cref="OutboxOperations"/> to a service's table (a service that maps the outbox).</summary>
    public static AccessTable WithOutboxOperations(this AccessTable table)
    {
        var operators = RpcAccess.For(Role.Ops);
        return table.For(OutboxOperations.Descriptor,
            ("ListOutboxEvents", operators),
            ("RetryDeadEvents", operators));
    }
}
