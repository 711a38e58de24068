namespace Ksst.IntegrationTests.Identity;

/// <summary>
/// A stack whose identity service also has a user and a machine client from configuration
/// (<c>Identity:Users</c>, <c>Identity:Clients</c>), as a real deployment has them: the user is
/// the one its tests lock out, and its identity service is restarted, neither of which the
/// shared stack's other tests should meet.
/// </summary>
public sealed class IdentityStack : StackFixture
{
    /// <summary>The configured user, an organiser of the demo programme.</summary>
    public const string ConfiguredUser = "lockout.probe@ksst-test.example";

    /// <summary>Their password.</summary>
    public const string ConfiguredPassword = "correct horse battery staple";

    /// <summary>The configured machine client, Nepal's agency system.</summary>
    public const string ConfiguredClient = "it-agency-system-np";

    /// <summary>Its secret.</summary>
    public static readonly string ConfiguredSecret = new('k', 40);

    protected override IEnumerable<string> Settings =>
    [
        $"--Ksst:Env:identity:Identity__Users__0__UserName={ConfiguredUser}",
        $"--Ksst:Env:identity:Identity__Users__0__Password={ConfiguredPassword}",
        "--Ksst:Env:identity:Identity__Users__0__Role=organiser",
        "--Ksst:Env:identity:Identity__Users__0__Programmes__0=ksst-sme",
        $"--Ksst:Env:identity:Identity__Clients__0__ClientId={ConfiguredClient}",
        $"--Ksst:Env:identity:Identity__Clients__0__Secret={ConfiguredSecret}",
        "--Ksst:Env:identity:Identity__Clients__0__Role=agency",
        "--Ksst:Env:identity:Identity__Clients__0__Country=np",
    ];
}

/// <summary>The identity tests that lock an account or restart the identity service.</summary>
[CollectionDefinition(Name)]
public sealed class IdentityStackCollection : ICollectionFixture<IdentityStack>
{
    public const string Name = "identity";
}
