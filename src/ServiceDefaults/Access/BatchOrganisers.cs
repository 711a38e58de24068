using System.Collections.Concurrent;
using Grpc.Core;
using Ksst.Contracts.Registration.V1;
using Ksst.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// For services other than Registration: whether a caller organises a batch's programme. A
/// batch's programme never changes, so it is asked of Registration (GetBatch, with this
/// service's identity) once per batch and remembered. Batches are the public catalogue: a caller
/// who does not organise one is refused with PERMISSION_DENIED; one that does not exist is NOT_FOUND.
/// </summary>
public sealed class BatchOrganisers(Programmes.ProgrammesClient registration) : IBatchOrganiserCheck
{
    private readonly ConcurrentDictionary<string, string> _programmes = new(StringComparer.Ordinal);

    /// <summary>Refuses <paramref name="caller"/> unless they organise the programme of <paramref name="batchId"/>.</summary>
    public async Task CheckAsync(Caller caller, string batchId, CancellationToken ct)
    {
        if (caller.OrganisesEveryProgramme)
        {
            return;
        }
        caller.CheckOrganises(await ProgrammeOfAsync(batchId, ct), $"for batch '{batchId}'");
    }

    /// <summary>Whether <paramref name="caller"/> organises the programme of <paramref name="batchId"/> (false when there is no such batch).</summary>
    public async Task<bool> OrganisesAsync(Caller caller, string batchId, CancellationToken ct)
    {
        if (caller.OrganisesEveryProgramme)
        {
            return true;
        }
        try
        {
            return caller.Role == Role.Organiser && caller.Organises(await ProgrammeOfAsync(batchId, ct));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<string> ProgrammeOfAsync(string batchId, CancellationToken ct)
    {
        if (_programmes.TryGetValue(batchId, out var known))
        {
            return known;
        }
        try
        {
            var batch = await registration.GetBatchAsync(new GetBatchRequest { BatchId = batchId }, cancellationToken: ct);
            return _programmes.GetOrAdd(batchId, batch.ProgrammeId);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            throw RpcErrors.NotFound("batch", batchId);
        }
    }
}

/// <summary>Registers <see cref="BatchOrganisers"/> for a service other than Registration.</summary>
public static class BatchOrganisersExtensions
{
    /// <summary>Adds <see cref="BatchOrganisers"/> (also as the service's <see cref="IBatchOrganiserCheck"/>) and its gRPC client of Registration's Programmes.</summary>
    public static IServiceCollection AddBatchOrganisers(this IServiceCollection services)
    {
        services.AddServiceGrpcClient<Programmes.ProgrammesClient>("registration");
        services.AddSingleton<BatchOrganisers>();
        services.AddSingleton<IBatchOrganiserCheck>(provider => provider.GetRequiredService<BatchOrganisers>());
        return services;
    }
}
