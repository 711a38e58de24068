using Google.Protobuf;
using Ksst.Contracts.Registration.V1;
using StackExchange.Redis;
using NominationsClient = Ksst.Contracts.Registration.V1.Nominations.NominationsClient;

namespace Ksst.Notifications.Contacts;

/// <summary>
/// A participant's contact, read through a Redis cache from Registration over gRPC. With Redis
/// down, reads go straight to Registration.
/// </summary>
internal sealed partial class ContactDirectory(NominationsClient registration, IConnectionMultiplexer redis, ILogger<ContactDirectory> logger)
{
    /// <summary>How long a cached contact is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(10);

    public async Task<ParticipantContact> GetAsync(Guid nominationId, CancellationToken cancellationToken)
    {
        var key = new RedisKey($"ksst:notifications:contact:v1:{nominationId}");
        var cache = redis.GetDatabase();
        try
        {
            var cached = await cache.StringGetAsync(key);
            if (cached.HasValue)
            {
                return ParticipantContact.Parser.ParseFrom((byte[])cached!);
            }
        }
        catch (RedisException ex)
        {
            LogCacheUnavailable(ex);
        }

        var contact = await registration.GetParticipantContactAsync(
            new GetParticipantContactRequest { NominationId = nominationId.ToString() }, cancellationToken: cancellationToken);
        try
        {
            await cache.StringSetAsync(key, contact.ToByteArray(), TimeToLive);
        }
        catch (RedisException ex)
        {
            LogCacheUnavailable(ex);
        }
        return contact;
    }

    [LoggerMessage(LogLevel.Warning, "The contact cache is unavailable; reading from Registration.")]
    private partial void LogCacheUnavailable(Exception ex);
}
