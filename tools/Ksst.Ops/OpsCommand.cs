using Grpc.Core;

namespace Ksst.Ops;

/// <summary>Reads the command line and runs one command; returns the exit code (0 done, 1 failed, 2 usage).</summary>
public static class OpsCommand
{
    /// <summary>The commands, as <c>./ksst</c> shows them.</summary>
    public const string Usage = """
        usage: ./ksst errors                          the error queues of our consumers, with their messages
               ./ksst errors drain [QUEUE]            move the messages of QUEUE_error back to QUEUE (all error queues when none is named)
               ./ksst outbox list SERVICE [--pending] the dead (or pending) events in the outbox of SERVICE (registration, scheduling)
               ./ksst outbox retry SERVICE --id EVENT_ID | --all
                                                      put dead events back to pending; the running relay publishes them
               ./ksst token organiser | ops | agency CC | participant
                                                      an access token of a demo caller, printed alone: TOKEN=$(./ksst token organiser)
               ./ksst token client CLIENT_ID | user USER_NAME | participant USER_NAME
                                                      the token of any demo client or user of <data root>/identity/demo-credentials.json
               ./ksst api-token create agency CC NAME | create ops NAME [--days N]
                                                      a personal API token, as the demo organiser; its secret printed alone, this once
               ./ksst api-token list [--all]          the API tokens that work (--all: also revoked and expired ones), never their secrets
               ./ksst api-token revoke TOKEN_ID       revoke an API token: refused from its next call on
        options: --data-root DIR  the stack's data folder with urls.json (default $Ksst__DataRoot, else ./.ksst)
                 --broker URI     amqp://user:password@host:port (default $KSST_BROKER, else the local broker of the URL table)
        """;

    /// <summary>Runs <paramref name="args"/>, writing results to <paramref name="output"/> and problems to <paramref name="errors"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var words = new List<string>();
        string? dataRoot = null, broker = null, eventId = null;
        var days = 0;
        bool all = false, pending = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data-root" when i + 1 < args.Length: dataRoot = args[++i]; break;
                case "--broker" when i + 1 < args.Length: broker = args[++i]; break;
                case "--id" when i + 1 < args.Length: eventId = args[++i]; break;
                case "--days" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n): days = n; i++; break;
                case "--all": all = true; break;
                case "--pending": pending = true; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Fail(errors, $"Unknown option {option}.");
                default: words.Add(args[i]); break;
            }
        }
        var stack = new StackAddresses(
            dataRoot ?? Environment.GetEnvironmentVariable("Ksst__DataRoot") ?? Path.Combine(Environment.CurrentDirectory, ".ksst"),
            broker ?? Environment.GetEnvironmentVariable("KSST_BROKER"));
        try
        {
            return words switch
            {
                ["errors"] or ["errors", "list"] => await ErrorsCommand.ListAsync(stack, output, cancellationToken),
                ["errors", "drain"] => await ErrorsCommand.DrainAsync(stack, null, output, cancellationToken),
                ["errors", "drain", var queue] => await ErrorsCommand.DrainAsync(stack, queue, output, cancellationToken),
                ["outbox", "list", var service] => await OutboxCommand.ListAsync(stack, service, pending, output, cancellationToken),
                ["outbox", "retry", _] when (eventId is null) != all =>
                    Fail(errors, "Name one event with --id EVENT_ID, or retry every dead event with --all."),
                ["outbox", "retry", var service] => await OutboxCommand.RetryAsync(stack, service, eventId, output, cancellationToken),
                ["token", var role] => await TokenCommand.PrintAsync(stack, role, null, output, cancellationToken),
                ["token", var role, var argument] => await TokenCommand.PrintAsync(stack, role, argument, output, cancellationToken),
                ["api-token", "create", "agency", var country, var name] => await ApiTokenCommand.CreateAsync(stack, "agency", country, name, days, output, errors, cancellationToken),
                ["api-token", "create", "ops", var name] => await ApiTokenCommand.CreateAsync(stack, "ops", null, name, days, output, errors, cancellationToken),
                ["api-token", "list"] => await ApiTokenCommand.ListAsync(stack, all, output, cancellationToken),
                ["api-token", "revoke", var tokenId] => await ApiTokenCommand.RevokeAsync(stack, tokenId, output, cancellationToken),
                _ => Fail(errors, null),
            };
        }
        catch (OpsException e)
        {
            await errors.WriteLineAsync($"ksst: {e.Message}");
            return 1;
        }
        catch (RpcException e)
        {
            await errors.WriteLineAsync($"ksst: {e.Status.StatusCode}: {e.Status.Detail}");
            return 1;
        }
    }

    private static int Fail(TextWriter errors, string? problem)
    {
        if (problem is not null)
        {
            errors.WriteLine($"ksst: {problem}");
        }
        errors.WriteLine(Usage);
        return 2;
    }
}
