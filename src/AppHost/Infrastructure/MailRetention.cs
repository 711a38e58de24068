using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Ksst.AppHost.Infrastructure;

/// <summary>
/// How much the development mail server keeps. smtp4dev's own default is the newest 100 messages,
/// which a run of about 50 nominations (two emails each) already overflows, silently dropping mail
/// from its UI and API. Set with <c>Ksst:Mail:MessagesToKeep</c> and <c>Ksst:Mail:SessionsToKeep</c>.
/// Its inbox lives in memory and is empty after the mail server restarts, unless
/// <c>Ksst:Mail:KeepAcrossRestarts</c> is <c>true</c> (local mode: a database file in the data
/// folder), as the fault run needs to count mail across a stop of the server.
/// </summary>
/// <param name="Messages">Messages kept (per mailbox); the oldest go first.</param>
/// <param name="Sessions">SMTP sessions kept in the server's session log.</param>
/// <param name="KeepAcrossRestarts">Whether the inbox survives a restart of the mail server.</param>
internal sealed record MailRetention(int Messages, int Sessions, bool KeepAcrossRestarts = false)
{
    /// <summary>What is kept unless configured: 10,000 messages and 10,000 sessions.</summary>
    public const int Default = 10_000;

    /// <summary>Reads the settings, refusing a value that is not a positive whole number.</summary>
    public static MailRetention From(IConfiguration configuration) =>
        new(Read(configuration, "Ksst:Mail:MessagesToKeep"), Read(configuration, "Ksst:Mail:SessionsToKeep"), ReadSwitch(configuration, "Ksst:Mail:KeepAcrossRestarts"));

    private static bool ReadSwitch(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => false,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; expected true or false (default false)."),
    };

    private static int Read(IConfiguration configuration, string key) => configuration[key] switch
    {
        null or "" => Default,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; expected a positive whole number (default {Default})."),
    };
}

/// <summary>The dashboard's labels of the mail server's endpoints, the same in both modes.</summary>
internal static class MailServerUrls
{
    /// <summary>Labels the web UI / REST API and SMTP endpoints.</summary>
    public static IResourceBuilder<T> WithMailServerUrls<T>(this IResourceBuilder<T> mail) where T : IResourceWithEndpoints =>
        mail.WithUrlForEndpoint("http", url => url.DisplayText = "mail UI and REST API")
            .WithUrlForEndpoint("smtp", url => url.DisplayText = "SMTP");
}
