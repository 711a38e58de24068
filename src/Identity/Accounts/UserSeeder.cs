using Ksst.Identity.Callers;
using Ksst.Identity.Data;
using Ksst.Platform.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ksst.Identity.Accounts;

/// <summary>
/// Registers at start every user of the <see cref="CallerDirectory"/>: new ones are added,
/// listed ones get their profile and (when it changed) their password, lockout is on for all,
/// and users no longer listed are removed.
/// </summary>
internal sealed class UserSeeder(CallerDirectory directory, UserManager<KsstUser> users) : IDatabaseSeeder<IdentityDb>
{
    public async Task SeedAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        foreach (var entry in directory.Users)
        {
            await RegisterAsync(entry);
        }
        var listed = directory.Users.Select(u => u.Credentials.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var user in await users.Users.ToListAsync(cancellationToken))
        {
            if (!listed.Contains(user.UserName ?? ""))
            {
                Check(await users.DeleteAsync(user), user.UserName);
            }
        }
    }

    private async Task RegisterAsync(DirectoryUser entry)
    {
        var (credentials, profile) = (entry.Credentials, entry.Profile);
        var user = await users.FindByNameAsync(credentials.UserName);
        if (user is null)
        {
            user = new KsstUser { UserName = credentials.UserName, LockoutEnabled = true };
            user.Take(profile);
            Check(await users.CreateAsync(user, credentials.Password), credentials.UserName);
            return;
        }
        user.Take(profile);
        user.LockoutEnabled = true;
        Check(await users.UpdateAsync(user), credentials.UserName);
        if (!await users.CheckPasswordAsync(user, credentials.Password))
        {
            Check(await users.RemovePasswordAsync(user), credentials.UserName);
            Check(await users.AddPasswordAsync(user, credentials.Password), credentials.UserName);
        }
    }

    private static void Check(IdentityResult result, string? userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The user {userName} cannot be registered: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
