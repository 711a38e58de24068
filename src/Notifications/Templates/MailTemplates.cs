using System.Net;
using Ksst.Notifications.Delivery;
using Scriban;
using Scriban.Runtime;

namespace Ksst.Notifications.Templates;

/// <summary>
/// The email templates (Scriban), one file per notification and language under Templates/{en,id}/,
/// each holding a subject, a plain-text body and an HTML body separated by lines of "===".
/// Rendering is strict: a placeholder the model does not provide is an error, and
/// <see cref="Validate"/> renders every template with a sample of its real model at start, so a
/// wrong placeholder stops the service rather than a send.
/// </summary>
public sealed class MailTemplates
{
    /// <summary>The languages every template exists in; other languages fall back to English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "id"];

    private readonly Dictionary<(string Key, string Language), (Template Subject, Template Text, Template Html)> _templates = new();

    private MailTemplates()
    {
    }

    /// <summary>The notification keys that have templates.</summary>
    public IEnumerable<string> Keys => _templates.Keys.Select(k => k.Key).Distinct();

    /// <summary>Parses every embedded template; a syntax error or a missing language throws.</summary>
    public static MailTemplates Load()
    {
        var assembly = typeof(MailTemplates).Assembly;
        return FromSources(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Templates/", StringComparison.Ordinal) && n.EndsWith(".sbn", StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name["Templates/".Length..], reader.ReadToEnd());
            }));
    }

    /// <summary>Parses templates given as ("{language}/{key}.sbn", text) pairs.</summary>
    public static MailTemplates FromSources(IEnumerable<(string Name, string Text)> sources)
    {
        var templates = new MailTemplates();
        foreach (var (name, text) in sources)
        {
            var parts = name.Split('/');
            var sections = text.Replace("\r\n", "\n").Split("\n===\n");
            if (sections.Length != 3)
            {
                throw new InvalidOperationException($"{name}: expected a subject, a text body and an HTML body separated by lines of '==='.");
            }
            templates._templates[(Path.GetFileNameWithoutExtension(parts[1]), parts[0])] =
                (Parse(sections[0].Trim(), name), Parse(sections[1], name), Parse(sections[2], name));
        }
        foreach (var key in templates.Keys.ToList())
        {
            var missing = Languages.Where(l => !templates._templates.ContainsKey((key, l))).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Template '{key}' has no {string.Join(", ", missing)} version.");
            }
        }
        return templates;
    }

    /// <summary>Renders <paramref name="key"/> in <paramref name="language"/> (English when there is no such version).</summary>
    public MailMessageContent Render(string key, string language, IReadOnlyDictionary<string, string> model)
    {
        var (subject, text, html) = _templates.TryGetValue((key, language), out var found) ? found
            : _templates.TryGetValue((key, "en"), out var english) ? english
            : throw new InvalidOperationException($"No template '{key}'.");
        var encoded = model.ToDictionary(kv => kv.Key, kv => WebUtility.HtmlEncode(kv.Value));
        return new MailMessageContent(Run(subject, model).Trim(), Run(text, model), Run(html, encoded));
    }

    /// <summary>Renders every template in every language with <paramref name="sampleModels"/>; throws naming each failure.</summary>
    public void Validate(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sampleModels)
    {
        var errors = new List<string>();
        foreach (var ((key, language), _) in _templates)
        {
            if (!sampleModels.TryGetValue(key, out var model))
            {
                errors.Add($"{language}/{key}: no notification uses this template.");
                continue;
            }
            try
            {
                Render(key, language, model);
            }
            catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException)
            {
                errors.Add($"{language}/{key}: {ex.Message}");
            }
        }
        errors.AddRange(sampleModels.Keys.Where(k => !_templates.ContainsKey((k, "en"))).Select(k => $"{k}: no template."));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Email templates do not match their models:\n" + string.Join("\n", errors));
        }
    }

    private static Template Parse(string text, string name)
    {
        var template = Template.Parse(text, name);
        return template.HasErrors
            ? throw new InvalidOperationException($"{name}: {string.Join("; ", template.Messages)}")
            : template;
    }

    private static string Run(Template template, IReadOnlyDictionary<string, string> model)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in model)
        {
            globals.SetValue(name, value, readOnly: true);
        }
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(globals);
        return template.Render(context);
    }
}
