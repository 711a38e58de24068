using Ksst.Identity.Callers;
using Ksst.Identity.Data;
using Ksst.Platform.Sqlite;
using OpenIddict.Abstractions;

namespace Ksst.Identity.Clients;

/// <summary>
/// Registers at start the API scopes (each with its service as resource), the command-line
/// client and every machine client of the <see cref="CallerDirectory"/>: new ones are added,
/// listed ones updated (a changed secret replaces the old one, which stops working), and clients
/// no longer listed are removed with their tokens.
/// </summary>
internal sealed class ClientSeeder(CallerDirectory directory, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes)
    : IDatabaseSeeder<IdentityDb>
{
    public async Task SeedAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        foreach (var scope in ApiScopes.All)
        {
            await RegisterScopeAsync(scope, cancellationToken);
        }
        await RegisterAsync(CommandLineClient.Descriptor(), secret: null, cancellationToken);
        foreach (var client in directory.Clients)
        {
            await RegisterAsync(MachineClient.Descriptor(client), client.Credentials.Secret, cancellationToken);
        }
        await RemoveUnlistedAsync(cancellationToken);
    }

    private async Task RegisterScopeAsync(string name, CancellationToken ct)
    {
        var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = $"The {name} API" };
        descriptor.Resources.Add(name);
        if (await scopes.FindByNameAsync(name, ct) is { } existing)
        {
            await scopes.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await scopes.CreateAsync(descriptor, ct);
        }
    }

    private async Task RegisterAsync(OpenIddictApplicationDescriptor descriptor, string? secret, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            descriptor.ClientSecret = secret;
            await applications.CreateAsync(descriptor, ct);
            return;
        }
        // Keep the stored hash unless the secret changed (comparing costs one hash, as hashing anew would).
        var stored = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(stored, existing, ct);
        descriptor.ClientSecret = secret is null || await applications.ValidateClientSecretAsync(existing, secret, ct) ? stored.ClientSecret : secret;
        await applications.UpdateAsync(existing, descriptor, ct);
    }

    private async Task RemoveUnlistedAsync(CancellationToken ct)
    {
        var listed = directory.Clients.Select(c => c.Credentials.ClientId).Append(CommandLineClient.ClientId).ToHashSet(StringComparer.Ordinal);
        var unlisted = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            if (!listed.Contains(await applications.GetClientIdAsync(application, ct) ?? ""))
            {
                unlisted.Add(application);
            }
        }
        foreach (var application in unlisted)
        {
            await applications.DeleteAsync(application, ct);
        }
    }
}
