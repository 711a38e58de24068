using Ksst.Ops;

namespace Ksst.IntegrationTests.Outbox;

/// <summary>Runs an operator command of <c>./ksst</c> (tools/Ksst.Ops) against the stack, through its URL table.</summary>
public static class Ops
{
    /// <summary>The exit code and everything printed, of <c>./ksst <paramref name="args"/></c>.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(StackFixture stack, params string[] args)
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var output = new StringWriter();
        var exit = await OpsCommand.RunAsync([.. args, "--data-root", stack.DataRoot], output, output, cts.Token).WaitAsync(cts.Token);
        return (exit, output.ToString());
    }
}
