using System.Net;
using Ksst.Notifications.Delivery;
using Ksst.Notifications.Reminders;
using Ksst.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace Ksst.UnitTests.Notifications;

/// <summary>Retry schedule, reminder time, webhook signature and the SSRF guard.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void Backoff_doubles_up_to_its_cap_with_jitter_between_half_and_all_of_it()
    {
        var schedule = new RetrySchedule { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(60), MaxAttempts = 5 };
        var random = new Random(7);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var full = Math.Min(2 * Math.Pow(2, attempt - 1), 60);
            var wait = schedule.Backoff(attempt, random).TotalSeconds;
            Assert.InRange(wait, full / 2, full);
        }
        Assert.False(schedule.IsExhausted(4));
        Assert.True(schedule.IsExhausted(5));
    }

    [Fact]
    public void A_reminder_is_due_the_evening_before_in_local_time()
    {
        // 08:30 WIB on 23 July → 18:00 WIB on 22 July = 11:00 UTC.
        var due = ReminderOptions.DueAt(new DateTimeOffset(2018, 7, 23, 1, 30, 0, TimeSpan.Zero), Jakarta, 18);
        Assert.Equal(new DateTimeOffset(2018, 7, 22, 11, 0, 0, TimeSpan.Zero), due);
        // 06:00 WIB on 24 July is 23:00 UTC on 23 July: still the evening of 23 July local.
        Assert.Equal(new DateTimeOffset(2018, 7, 23, 11, 0, 0, TimeSpan.Zero), ReminderOptions.DueAt(new DateTimeOffset(2018, 7, 23, 23, 0, 0, TimeSpan.Zero), Jakarta, 18));
    }

    [Fact]
    public void The_signature_is_the_documented_HMAC_and_any_change_breaks_it()
    {
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec-test-secret-1234"u8.ToArray(), "1532300000.{\"id\":1}"u8.ToArray()));
        Assert.Equal(expected, WebhookSignature.Sign("whsec-test-secret-1234", 1532300000, "{\"id\":1}"));
        Assert.True(WebhookSignature.Verify("whsec-test-secret-1234", 1532300000, "{\"id\":1}", expected));
        Assert.False(WebhookSignature.Verify("whsec-test-secret-1234", 1532300001, "{\"id\":1}", expected));
        Assert.False(WebhookSignature.Verify("whsec-test-secret-1234", 1532300000, "{\"id\":2}", expected));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Loopback_and_private_addresses_are_not_public(string address) =>
        Assert.False(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.0.114.5")]
    [InlineData("2001:4860:4860::8888")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("ftp://example.org/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://user:pw@example.org/hook")]
    [InlineData("/relative")]
    public async Task The_guard_refuses_non_http_urls_and_private_addresses(string url)
    {
        var guard = new WebhookAddressGuard(Options.Create(new WebhookOptions()));
        Assert.NotNull(await guard.ProblemWithAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task Configuration_can_allow_loopback_receivers()
    {
        var guard = new WebhookAddressGuard(Options.Create(new WebhookOptions { AllowPrivateNetworks = true }));
        Assert.Null(await guard.ProblemWithAsync("http://127.0.0.1:8080/hook", CancellationToken.None));
        Assert.NotNull(await guard.ProblemWithAsync("gopher://127.0.0.1/", CancellationToken.None));
    }
}
