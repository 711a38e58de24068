using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// Locates the repository root (the folder holding <c>Ksst.sln</c>, hence the dotnet tool manifest)
/// and the data root of local executables.
/// </summary>
internal sealed record RepositoryPaths(string RepositoryRoot, string DataRoot)
{
    private const string SolutionFile = "Ksst.sln";

    /// <summary>
    /// Resolves the paths. <c>Ksst:RepositoryRoot</c> overrides the search (which walks up from the
    /// AppHost project directory, then from <see cref="AppContext.BaseDirectory"/>);
    /// <c>Ksst:DataRoot</c> defaults to <c>&lt;repository root&gt;/.ksst</c> (git-ignored).
    /// </summary>
    public static RepositoryPaths Resolve(IDistributedApplicationBuilder builder)
    {
        var root = builder.Configuration["Ksst:RepositoryRoot"]
            ?? FindUpwards(builder.AppHostDirectory)
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"Cannot find the repository root: no {SolutionFile} above '{builder.AppHostDirectory}' " +
                $"or '{AppContext.BaseDirectory}'. Set Ksst:RepositoryRoot.");

        var dataRoot = builder.Configuration["Ksst:DataRoot"] ?? Path.Combine(root, ".ksst");
        return new RepositoryPaths(Path.GetFullPath(root), Path.GetFullPath(dataRoot));
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
