using Ksst.Notifications.Notices;
using Ksst.Notifications.Templates;

namespace Ksst.UnitTests.Notifications;

/// <summary>The email templates: every one matches its model, in both languages, and HTML is escaped.</summary>
public sealed class MailTemplatesTests
{
    private static readonly LocalTimes Jakarta = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Samples = NoticeSamples.Models(Jakarta);

    [Fact]
    public void Every_notice_has_an_English_and_an_Indonesian_template_that_renders_with_its_model()
    {
        var templates = MailTemplates.Load();
        templates.Validate(Samples);
        Assert.Equal(Samples.Keys.Order(), templates.Keys.Order());
    }

    [Fact]
    public void A_template_with_a_placeholder_its_model_lacks_fails_validation()
    {
        var broken = "Accepted {{ participant_nmae }}\n===\nDear {{ recipient_name }}\n===\n<p>{{ batch_id }}</p>\n";
        var templates = MailTemplates.FromSources([("en/participant-accepted.sbn", broken), ("id/participant-accepted.sbn", broken)]);
        var error = Assert.Throws<InvalidOperationException>(() => templates.Validate(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["participant-accepted"] = Samples["participant-accepted"],
        }));
        Assert.Contains("participant_nmae", error.Message);
    }

    [Fact]
    public void A_template_missing_a_language_fails_to_load()
    {
        var text = "S\n===\nT\n===\nH\n";
        Assert.Throws<InvalidOperationException>(() => MailTemplates.FromSources([("en/batch-closed.sbn", text)]));
    }

    [Fact]
    public void Indonesian_recipients_read_Indonesian_and_unknown_languages_read_English()
    {
        var templates = MailTemplates.Load();
        var model = new Dictionary<string, string>(Samples["participant-accepted"]) { ["participant_name"] = "Siti Rahayu", ["recipient_name"] = "Siti Rahayu" };
        var indonesian = templates.Render("participant-accepted", "id", model);
        Assert.Equal("Diterima: Siti Rahayu, angkatan ksst-sme-2018", indonesian.Subject);
        Assert.StartsWith("Yth. Siti Rahayu,", indonesian.Text);
        Assert.StartsWith("Dear Siti Rahayu,", templates.Render("participant-accepted", "fr", model).Text);
    }

    [Fact]
    public void Values_are_escaped_in_html_but_not_in_text()
    {
        var model = new Dictionary<string, string>(Samples["participant-nominated"]) { ["participant_name"] = "<script>x</script>", ["recipient_name"] = "A & B" };
        var message = MailTemplates.Load().Render("participant-nominated", "en", model);
        Assert.DoesNotContain("<script>", message.Html);
        Assert.Contains("&lt;script&gt;", message.Html);
        Assert.Contains("A &amp; B", message.Html);
        Assert.Contains("A & B", message.Text);
    }

    [Fact]
    public void Times_are_written_in_Jakarta_time_in_the_readers_language()
    {
        var start = new DateTimeOffset(2018, 7, 23, 1, 30, 0, TimeSpan.Zero);
        Assert.Equal("Monday 23 July 2018, 08:30 (Asia/Jakarta)", Jakarta.Format(start, "en"));
        Assert.Equal("Senin, 23 Juli 2018 08.30 (Asia/Jakarta)", Jakarta.Format(start, "id"));
    }
}
