namespace Ksst.ServiceDefaults.Access;

/// <summary>
/// Who may call one RPC: callers of some roles, and of those with <see cref="Role.Service"/> only
/// the named services. Whether the caller may touch the resource it names (their programme,
/// country or own nomination) is the feature's rule, checked after this one.
/// </summary>
public sealed record RpcAccess
{
    private RpcAccess(bool isPublic, IReadOnlySet<Role> roles, IReadOnlySet<string> services)
    {
        IsPublic = isPublic;
        Roles = roles;
        Services = services;
    }

    /// <summary>Open to anyone, also without a token (health only).</summary>
    public bool IsPublic { get; }

    /// <summary>The roles (other than <see cref="Role.Service"/>) that may call it.</summary>
    public IReadOnlySet<Role> Roles { get; }

    /// <summary>The KSST services (by client id) that may call it.</summary>
    public IReadOnlySet<string> Services { get; }

    /// <summary>Anyone, authenticated or not.</summary>
    public static RpcAccess Public { get; } = new(true, new HashSet<Role>(), new HashSet<string>());

    /// <summary>Callers of <paramref name="roles"/>.</summary>
    public static RpcAccess For(params Role[] roles)
    {
        if (roles.Contains(Role.Service))
        {
            throw new ArgumentException("Name the services that may call it with AndServices.", nameof(roles));
        }
        return new(false, roles.ToHashSet(), new HashSet<string>());
    }

    /// <summary>Only the KSST services named.</summary>
    public static RpcAccess ForServices(params string[] services) => new(false, new HashSet<Role>(), services.ToHashSet(StringComparer.Ordinal));

    /// <summary>These callers and also the KSST services named.</summary>
    public RpcAccess AndServices(params string[] services) =>
        new(IsPublic, Roles, Services.Concat(services).ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether <paramref name="caller"/> (null: no valid token) may call it.</summary>
    public bool Allows(Caller? caller) =>
        IsPublic || caller is not null && (caller.Role == Role.Service ? Services.Contains(caller.ClientId) : Roles.Contains(caller.Role));

    /// <summary>Who may call it, in words, for the policy listing and error messages.</summary>
    public override string ToString() =>
        IsPublic ? "anyone" : string.Join(", ", Roles.Select(r => r.ToString().ToLowerInvariant()).Concat(Services.Select(s => $"service {s}")));
}
