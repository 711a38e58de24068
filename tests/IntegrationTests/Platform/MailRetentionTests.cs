using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ksst.IntegrationTests.Platform;

/// <summary>The development inbox keeps far more than smtp4dev's own default of 100 messages.</summary>
[Collection(StackCollection.Name)]
public sealed class MailRetentionTests(StackFixture stack)
{
    private const int Sent = 150;

    [Fact]
    public async Task The_dev_inbox_keeps_more_than_a_hundred_messages()
    {
        using var cts = new CancellationTokenSource(StackFixture.Timeout);
        var smtp = new Uri(await stack.App.GetConnectionStringAsync("mail", cts.Token) ?? throw new InvalidOperationException("No mail connection string."));
        var address = $"retention-{Guid.NewGuid():N}@example.test";
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, cts.Token);
            for (var i = 0; i < Sent; i++)
            {
                var message = new MimeMessage { Subject = $"retention {i}", Body = new TextPart("plain") { Text = "kept" } };
                message.From.Add(MailboxAddress.Parse("tests@example.test"));
                message.To.Add(MailboxAddress.Parse(address));
                await client.SendAsync(message, cts.Token);
            }
            await client.DisconnectAsync(quit: true, cts.Token);
        }

        var mail = new MailServer(stack.Http("mail"));
        var kept = await Eventually.Get(async ct =>
        {
            var mine = (await mail.ListAsync(ct)).Count(m => m.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)));
            return mine >= Sent ? (object)mine : null;
        }, StackFixture.Timeout, $"all {Sent} messages to {address} in smtp4dev");
        Assert.Equal(Sent, (int)kept);
    }
}
