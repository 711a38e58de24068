using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ksst.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ksst.AppHost.Urls;

/// <summary>
/// Once every resource is healthy, prints the <see cref="StackUrlTable"/> to the terminal and writes
/// it to <c>&lt;data folder&gt;/urls.txt</c> and <c>urls.json</c>. The addresses and labels are
/// the ones the dashboard shows, read from each resource's state, so the two never disagree.
/// </summary>
internal static class StackUrlAnnouncer
{
    /// <summary>The dashboard resource that Aspire adds when the dashboard runs.</summary>
    private const string DashboardResource = "aspire-dashboard";

    /// <summary>Announces the URLs of the stack built by <paramref name="builder"/> when it is up.</summary>
    public static void AnnounceUrlsWhenHealthy(this IDistributedApplicationBuilder builder, InfrastructureMode mode)
    {
        var configuration = builder.Configuration;
        var dataRoot = RepositoryPaths.Resolve(builder).DataRoot;
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((created, ct) =>
        {
            var notifications = created.Services.GetRequiredService<ResourceNotificationService>();
            var lifetime = created.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
            var logger = created.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ksst.AppHost.Urls");
            _ = Task.Run(() => AnnounceAsync(created.Model, notifications, configuration, mode, dataRoot, logger, lifetime.ApplicationStopping));
            return Task.CompletedTask;
        });
    }

    private static async Task AnnounceAsync(DistributedApplicationModel model, ResourceNotificationService notifications, IConfiguration configuration,
        InfrastructureMode mode, string dataRoot, ILogger logger, CancellationToken stopping)
    {
        try
        {
            var resources = model.Resources.OfType<IResourceWithEndpoints>().Where(r => IsShown(r, notifications)).ToList();
            foreach (var resource in resources)
            {
                await notifications.WaitForResourceHealthyAsync(resource.Name, stopping).ConfigureAwait(false);
            }
            var urls = Dashboard(model, configuration).Concat(resources.SelectMany(r => Lines(r, notifications))).ToList();
            var table = new StackUrlTable(mode == InfrastructureMode.Containers ? "containers" : "local", urls);
            Directory.CreateDirectory(dataRoot);
            var text = table.ToText();
            await File.WriteAllTextAsync(Path.Combine(dataRoot, StackUrlTable.TextFile), text, stopping).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(dataRoot, StackUrlTable.JsonFile), table.ToJson(), stopping).ConfigureAwait(false);
            // Straight to the terminal: the table is for the person who ran the stack, whatever the log level.
            Console.Out.Write($"\nThe KSST stack is up ({table.Mode} mode); also in {Path.Combine(dataRoot, StackUrlTable.TextFile)} and {StackUrlTable.JsonFile}:\n\n{text}\n");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before everything was healthy: there is nothing to announce.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not write the URL table under {DataRoot}.", dataRoot);
        }
    }

    /// <summary>
    /// Whether the dashboard lists <paramref name="resource"/> as one of the stack's: not the
    /// dashboard itself, and not Aspire's hidden helpers (such as a project's rebuilder).
    /// </summary>
    private static bool IsShown(IResource resource, ResourceNotificationService notifications) =>
        resource.Name != DashboardResource
        && notifications.TryGetCurrentState(resource.Name, out var state) && !state.Snapshot.IsHidden;

    /// <summary>The dashboard's line, when it runs: its URL and whether a login is needed.</summary>
    private static IEnumerable<StackUrl> Dashboard(DistributedApplicationModel model, IConfiguration configuration)
    {
        if (model.Resources.All(r => r.Name != DashboardResource)
            || configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is not { } url)
        {
            yield break;
        }
        url = url.TrimEnd('/');
        var anonymous = string.Equals(configuration["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"], "true", StringComparison.OrdinalIgnoreCase);
        var note = anonymous ? "no login (anonymous, this machine only)"
            : configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"log in at {url}/login?t={token}"
            : "log in with the link the AppHost printed at start";
        yield return new StackUrl("dashboard", "resources, traces, metrics, logs", url, note);
    }

    /// <summary>A resource's lines: each URL the dashboard shows for it, the first carrying its credentials note.</summary>
    private static IEnumerable<StackUrl> Lines(IResource resource, ResourceNotificationService notifications)
    {
        if (!notifications.TryGetCurrentState(resource.Name, out var state))
        {
            yield break;
        }
        var note = resource.Annotations.OfType<CredentialsAnnotation>().FirstOrDefault()?.Where;
        foreach (var url in state.Snapshot.Urls.Where(u => !u.IsInactive)
                     .OrderBy(u => u.IsInternal).ThenByDescending(u => u.DisplayProperties.SortOrder))
        {
            var what = url.DisplayProperties.DisplayName is { Length: > 0 } label ? label : url.Name ?? "";
            yield return new StackUrl(resource.Name, url.IsInternal ? $"{what} (internal)" : what, url.Url, note);
            note = null;
        }
    }
}
