using Aspire.Hosting.ApplicationModel;

namespace Ksst.AppHost.Urls;

/// <summary>
/// Where a client finds the credentials of a resource (for the URL table): for example "user guest,
/// password guest" for the local broker, or the user secret that holds a container's password.
/// </summary>
/// <param name="Where">One line a person can act on.</param>
public sealed record CredentialsAnnotation(string Where) : IResourceAnnotation;

/// <summary>Attaches <see cref="CredentialsAnnotation"/> to resources.</summary>
public static class CredentialsAnnotationExtensions
{
    /// <summary>Says where <paramref name="builder"/>'s credentials are found.</summary>
    public static IResourceBuilder<T> WithCredentialsNote<T>(this IResourceBuilder<T> builder, string where)
        where T : IResource => builder.WithAnnotation(new CredentialsAnnotation(where));
}
