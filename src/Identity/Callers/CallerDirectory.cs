using Ksst.Contracts.Identity;
using Ksst.Identity.Clients;

namespace Ksst.Identity.Callers;

/// <summary>A machine client the identity service registers, with its access profile.</summary>
internal sealed record DirectoryClient(ClientCredentials Credentials, AccessProfile Profile);

/// <summary>A user the identity service registers, with their access profile.</summary>
internal sealed record DirectoryUser(UserCredentials Credentials, AccessProfile Profile);

/// <summary>
/// Every machine client and user the identity service knows: those of the demo credentials file
/// (<c>Identity:DemoCredentials</c>), if one is named, and those of configuration
/// (<c>Identity:Clients</c>, <c>Identity:Users</c>), which win for the same id. Registered at
/// every start: new ones added, changed ones (a new secret or password included) updated, and
/// those no longer listed removed.
/// </summary>
internal sealed class CallerDirectory
{
    /// <summary>The shortest client secret taken (the demo file's have 43 characters).</summary>
    public const int MinimumSecretLength = 32;

    private CallerDirectory(IReadOnlyList<DirectoryClient> clients, IReadOnlyList<DirectoryUser> users)
    {
        Clients = clients;
        Users = users;
    }

    /// <summary>The machine clients.</summary>
    public IReadOnlyList<DirectoryClient> Clients { get; }

    /// <summary>The users.</summary>
    public IReadOnlyList<DirectoryUser> Users { get; }

    /// <summary>Reads and checks the directory; throws naming every entry that is wrong (never a secret).</summary>
    public static CallerDirectory Load(IdentitySettings settings)
    {
        var demo = settings.DemoCredentials is { } path ? DemoFile(path) : new DemoCredentials();
        return From(
            demo.Clients.Where(c => settings.Clients.All(o => o.ClientId != c.ClientId)).Concat(settings.Clients),
            demo.Users.Where(u => settings.Users.All(o => !SameUser(o.UserName, u.UserName))).Concat(settings.Users));
    }

    /// <summary>Checks <paramref name="clients"/> and <paramref name="users"/>; throws naming every entry that is wrong.</summary>
    public static CallerDirectory From(IEnumerable<ClientCredentials> clients, IEnumerable<UserCredentials> users)
    {
        var directoryClients = clients.Select(c => new DirectoryClient(c, AccessProfile.Of(c))).ToList();
        var directoryUsers = users.Select(u => new DirectoryUser(u, AccessProfile.Of(u))).ToList();
        var problems = directoryClients.SelectMany(ProblemsOf).Concat(directoryUsers.SelectMany(ProblemsOf))
            .Concat(Duplicates(directoryClients.Select(c => c.Credentials.ClientId), "client", StringComparer.Ordinal))
            .Concat(Duplicates(directoryUsers.Select(u => u.Credentials.UserName), "user", StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The identity service's clients and users are not right: {string.Join("; ", problems)}.");
        }
        return new CallerDirectory(directoryClients, directoryUsers);
    }

    private static DemoCredentials DemoFile(string path) => File.Exists(path)
        ? DemoCredentials.Read(path)
        : throw new InvalidOperationException($"Identity:DemoCredentials names {path}, which does not exist (the AppHost writes it on first start).");

    private static IEnumerable<string> ProblemsOf(DirectoryClient client)
    {
        var id = client.Credentials.ClientId;
        if (string.IsNullOrWhiteSpace(id))
        {
            yield return "a client has no clientId";
        }
        if (id == CommandLineClient.ClientId)
        {
            yield return $"the client id {id} is the identity service's own public client";
        }
        if (client.Credentials.Secret.Length < MinimumSecretLength)
        {
            yield return $"client {id}: the secret needs at least {MinimumSecretLength} characters";
        }
        foreach (var problem in client.Profile.Problems(person: false))
        {
            yield return $"client {id}: {problem}";
        }
    }

    private static IEnumerable<string> ProblemsOf(DirectoryUser user)
    {
        var name = user.Credentials.UserName;
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return "a user has no userName";
        }
        foreach (var problem in user.Profile.Problems(person: true))
        {
            yield return $"user {name}: {problem}";
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids, string what, StringComparer comparer) =>
        ids.GroupBy(id => id, comparer).Where(g => g.Count() > 1).Select(g => $"the {what} {g.Key} is listed {g.Count()} times");

    private static bool SameUser(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
