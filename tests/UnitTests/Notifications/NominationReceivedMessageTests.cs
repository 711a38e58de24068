using Ksst.Notifications.Delivery;

namespace Ksst.UnitTests.Notifications;

public sealed class NominationReceivedMessageTests
{
    [Fact]
    public void Indonesian_speakers_are_written_to_in_Bahasa_Indonesia()
    {
        var message = NominationReceivedMessage.Render("id", "Siti Rahayu", "ksst-sme-2018");
        Assert.Equal("Nominasi Anda telah diterima", message.Subject);
        Assert.Contains("Yth. Siti Rahayu,", message.Text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("")]
    [InlineData("fr")]
    public void Everyone_else_is_written_to_in_English(string language)
    {
        var message = NominationReceivedMessage.Render(language, "Tashi Dorji", "ksst-sme-2018");
        Assert.Equal("Your nomination has been received", message.Subject);
        Assert.Contains("Dear Tashi Dorji,", message.Text);
    }

    [Fact]
    public void Names_are_escaped_in_html()
    {
        var message = NominationReceivedMessage.Render("en", "<script>x</script>", "ksst-sme-2018");
        Assert.DoesNotContain("<script>", message.Html);
        Assert.Contains("&lt;script&gt;", message.Html);
    }
}
