using Google.Protobuf;
using Ksst.Contracts.Registration.V1;
using Microsoft.Extensions.Caching.Distributed;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Notifications.Contacts;

/// <summary>
/// A participant's contact, read through the service's cache (Redis behind the cache breaker) from
/// Registration over gRPC. With Redis away, reads go straight to Registration.
/// </summary>
internal sealed class ContactDirectory(NominationsClient registration, IDistributedCache cache)
{
    /// <summary>How long a cached contact is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(10);

    private static readonly DistributedCacheEntryOptions Entry = new() { AbsoluteExpirationRelativeToNow = TimeToLive };

    /// <summary>The key of a nomination's cached contact (v2: stored by the distributed cache as a Redis hash, not a string).</summary>
    public static string KeyOf(Guid nominationId) => $"ksst:notifications:contact:v2:{nominationId}";

    public async Task<ParticipantContact> GetAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var key = KeyOf(nominationId);
        if (await cache.GetAsync(key, cancellationToken) is { } cached)
        {
            return ParticipantContact.Parser.ParseFrom(cached);
        }
        var contact = await registration.GetParticipantContactAsync(
            new GetParticipantContactRequest { NominationId = nominationId.ToString() }, cancellationToken: cancellationToken);
        await cache.SetAsync(key, contact.ToByteArray(), Entry, cancellationToken);
        return contact;
    }
}
