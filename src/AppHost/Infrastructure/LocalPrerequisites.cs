using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// The programs local mode needs, found once at AppHost start. Missing ones are reported together
/// in one exception that says what to install.
/// </summary>
/// <param name="RedisServer">Path of <c>redis-server</c> (override: <c>Ksst:Local:RedisServer</c>).</param>
/// <param name="RabbitMqServer">
/// Path of RabbitMQ's start script (override: <c>Ksst:Local:RabbitMqServer</c>). Debian's
/// <c>/usr/lib/rabbitmq/bin/rabbitmq-server</c> is preferred: the <c>/usr/sbin</c> wrapper switches user.
/// </param>
/// <param name="Epmd">Path of Erlang's port mapper <c>epmd</c> (override: <c>Ksst:Local:Epmd</c>).</param>
internal sealed record LocalPrerequisites(string RedisServer, string RabbitMqServer, string Epmd)
{
    private const string DebianRabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Smtp4DevPackage = "rnwood.smtp4dev";

    /// <summary>Finds every program or throws one <see cref="InvalidOperationException"/> naming all that are missing.</summary>
    public static LocalPrerequisites Find(IConfiguration configuration, RepositoryPaths paths)
    {
        var missing = new List<string>();

        var redis = Locate(configuration["Ksst:Local:RedisServer"], "redis-server");
        var rabbit = Locate(configuration["Ksst:Local:RabbitMqServer"], DebianRabbitMqServer, "rabbitmq-server");
        var epmd = Locate(configuration["Ksst:Local:Epmd"], "epmd", "/usr/lib/erlang/bin/epmd");
        if (redis is null)
        {
            missing.Add("redis-server (or set Ksst:Local:RedisServer)");
        }

        if (rabbit is null)
        {
            missing.Add($"{DebianRabbitMqServer} (or set Ksst:Local:RabbitMqServer)");
        }

        if (epmd is null)
        {
            missing.Add("epmd, Erlang's port mapper (comes with rabbitmq-server; or set Ksst:Local:Epmd)");
        }

        if (FindSmtp4DevProblem(paths.RepositoryRoot) is { } problem)
        {
            missing.Add(problem);
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "Local infrastructure (Ksst:Infrastructure=local, or auto with no container runtime answering) needs programs that are missing: "
                + string.Join("; ", missing)
                + ". Install them with `sudo apt-get install -y redis-server rabbitmq-server` and "
                + $"`dotnet tool restore` (run in {paths.RepositoryRoot}), or set Ksst:Infrastructure=containers.");
        }

        return new LocalPrerequisites(redis!, rabbit!, epmd!);
    }

    /// <summary>Returns the first candidate that exists: an override or absolute path as is, a bare name on PATH.</summary>
    private static string? Locate(string? configured, params string[] candidates)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : OnPath(configured);
        }

        foreach (var candidate in candidates)
        {
            var found = Path.IsPathRooted(candidate) ? (File.Exists(candidate) ? candidate : null) : OnPath(candidate);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Checks that the tool manifest lists smtp4dev and that <c>dotnet tool restore</c> has put that
    /// version into the NuGet package folder; returns what is wrong, or <see langword="null"/>.
    /// </summary>
    private static string? FindSmtp4DevProblem(string repositoryRoot)
    {
        var manifest = Path.Combine(repositoryRoot, ".config", "dotnet-tools.json");
        if (!File.Exists(manifest))
        {
            return $"the dotnet tool manifest {manifest}";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        if (!document.RootElement.TryGetProperty("tools", out var tools)
            || !tools.TryGetProperty(Smtp4DevPackage, out var tool)
            || !tool.TryGetProperty("version", out var versionElement)
            || versionElement.GetString() is not { } version)
        {
            return $"the smtp4dev tool ({Smtp4DevPackage}) in {manifest}";
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packageDir = Path.Combine(packages, Smtp4DevPackage, version.ToLowerInvariant());
        return Directory.Exists(packageDir) ? null : $"the smtp4dev {version} dotnet tool (not restored: no {packageDir})";
    }
}
