using Microsoft.AspNetCore.Identity;

namespace Ksst.Identity.Accounts;

/// <summary>
/// Checks a person's password and signs them in (the sign-in cookie), counting failures towards
/// the lockout. An unknown user name costs the same password hash as a known one, so the time
/// taken does not tell which accounts exist.
/// </summary>
internal sealed class PasswordCheck(UserManager<KsstUser> users, SignInManager<KsstUser> signIn)
{
    private static readonly Lazy<(KsstUser User, string Hash)> Decoy = new(() =>
    {
        var user = new KsstUser { UserName = "decoy" };
        return (user, new PasswordHasher<KsstUser>().HashPassword(user, Guid.NewGuid().ToString("N")));
    });

    /// <summary>Whether <paramref name="password"/> is <paramref name="userName"/>'s and the account is not locked; signs them in if so.</summary>
    public async Task<bool> SignInAsync(string userName, string password)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded;
    }
}
