using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Ksst.IntegrationTests;

/// <summary>
/// How the stack's smtp4dev answers: its validation expressions (JavaScript, see smtp4dev's
/// appsettings.json), passed to it each time it starts. Empty accepts everything; a test that
/// changes one restarts the mail server (<see cref="StackResources.RestartAsync"/>).
/// </summary>
public sealed class MailServerRules
{
    /// <summary>
    /// Accepts a recipient (the variable <c>recipient</c>, an address) when true; a recipient it
    /// refuses is answered 550, e.g. <c>!recipient.includes('refused')</c>.
    /// </summary>
    public string Recipients { get; set; } = "";

    /// <summary>
    /// Accepts a message (the variable <c>message</c>, with <c>subject</c>) when true, after it
    /// was received and before the answer, e.g. <c>message.subject.includes('Hold') ? delay(60) : true</c>
    /// holds the answer to one for a minute.
    /// </summary>
    public string Messages { get; set; } = "";

    /// <summary>Passes the rules to the mail server of <paramref name="builder"/>'s model whenever it starts.</summary>
    public void ApplyTo(IDistributedApplicationTestingBuilder builder)
    {
        var mail = builder.Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == "mail");
        builder.CreateResourceBuilder(mail).WithEnvironment(context =>
        {
            context.EnvironmentVariables["ServerOptions__RecipientValidationExpression"] = Recipients;
            context.EnvironmentVariables["ServerOptions__MessageValidationExpression"] = Messages;
        });
    }
}
