using Ksst.Notifications.Data;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Webhooks;
using Ksst.Platform.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Ksst.UnitTests.Notifications;

/// <summary>
/// Notifications' real database on a fresh SQLite file, registered as the service registers it
/// (its unit of work and write lock included), with a clock the test moves.
/// </summary>
internal sealed class NotificationsDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ksst-notifications-{Guid.NewGuid():N}.db");
    private readonly IHost _host;

    public NotificationsDatabase(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:notifications-db"] = $"Data Source={_file};Pooling=False",
        });
        builder.AddServiceDatabase<NotificationsDbContext>("notifications-db");
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Notifications:Retention"));
        builder.Services.AddSingleton<DeliveryLogRetention>();
        _host = builder.Build();
        using var scope = _host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Database.Migrate();
    }

    /// <summary>The clock, at 1 March 2027 until moved.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The service's registrations.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>A scope: a context and its unit of work.</summary>
    public (AsyncServiceScope Scope, NotificationsDbContext Db, UnitOfWork<NotificationsDbContext> UnitOfWork) Open()
    {
        var scope = _host.Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), scope.ServiceProvider.GetRequiredService<UnitOfWork<NotificationsDbContext>>());
    }

    /// <summary>An email in <paramref name="status"/>, recorded <paramref name="age"/> ago.</summary>
    public Delivery Email(DeliveryStatus status, TimeSpan age = default) => new()
    {
        Id = Guid.CreateVersion7(), EventId = Guid.NewGuid(), EventType = "ParticipantNominated", Recipient = "organisers", BatchId = "ksst-sme-2027",
        Channel = "email", Template = "participant-nominated", Language = "en", ToName = "Organisers", ToAddress = "organisers@ksst.example.org",
        ModelJson = "{}", Status = status, CreatedAt = Clock.GetUtcNow() - age, NextAttemptAt = Clock.GetUtcNow() - age,
        ClaimedAt = status == DeliveryStatus.Sending ? Clock.GetUtcNow() - age : null,
    };

    /// <summary>A webhook delivery to <paramref name="subscription"/> in <paramref name="status"/>, recorded <paramref name="age"/> ago.</summary>
    public WebhookDelivery Webhook(WebhookSubscription subscription, DeliveryStatus status, TimeSpan age = default) => new()
    {
        Id = Guid.CreateVersion7(), SubscriptionId = subscription.Id, EventId = Guid.NewGuid(), EventType = "ksst.registration.participant-accepted.v1",
        Body = "{}", Status = status, CreatedAt = Clock.GetUtcNow() - age, NextAttemptAt = Clock.GetUtcNow() - age,
        ClaimedAt = status == DeliveryStatus.Sending ? Clock.GetUtcNow() - age : null,
    };

    /// <summary>A subscription to every event.</summary>
    public WebhookSubscription Subscription() => new()
    {
        Id = Guid.CreateVersion7(), Url = "https://partner.example.org/hooks", EventTypes = ["*"], Secret = "whsec-test-secret-1234", CreatedAt = Clock.GetUtcNow(),
    };

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        File.Delete(_file);
    }
}
