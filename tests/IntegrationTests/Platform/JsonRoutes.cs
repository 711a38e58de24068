using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Ksst.IntegrationTests.Platform;

/// <summary>
/// Turns a request of an RPC into the HTTP request JSON transcoding takes for it, from the
/// method's google.api.http option: path variables from the request's fields, the body the
/// option names (or "*", everything else), and for a method without a body its top-level scalar
/// fields as query parameters.
/// </summary>
internal static partial class JsonRoutes
{
    /// <summary>
    /// The HTTP request, or null when the method has no route, a path variable is empty (the path
    /// would be another route's) or the request cannot be written as JSON (a timestamp out of range).
    /// </summary>
    public static HttpRequestMessage? For(MethodDescriptor method, IMessage request, Func<string, string>? spoilBody = null)
    {
        if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
        {
            return null;
        }
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            _ => (HttpMethod.Get, ""),
        };
        if (template.Length == 0)
        {
            return null;
        }
        var message = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        var pathFields = new List<string>();
        var path = Variable().Replace(template, m =>
        {
            pathFields.Add(m.Groups[1].Value);
            return Uri.EscapeDataString(Text(Value(message, m.Groups[1].Value)));
        });
        if (path.Contains("//", StringComparison.Ordinal) || path.EndsWith('/') || path.Contains("/:", StringComparison.Ordinal))
        {
            // An empty path variable addresses another route (e.g. "/api/v1/webhooks/"), not this method.
            return null;
        }
        try
        {
            string? body = null;
            if (rule.Body == "*")
            {
                foreach (var field in pathFields.Where(f => !f.Contains('.')))
                {
                    message.Descriptor.FindFieldByName(field).Accessor.Clear(message);
                }
                body = JsonFormatter.Default.Format(message);
            }
            else if (rule.Body.Length > 0)
            {
                body = Value(message, rule.Body) is IMessage part ? JsonFormatter.Default.Format(part) : "{}";
            }
            else
            {
                path += Query(message, pathFields);
            }
            if (path.Length > 4000)
            {
                return null;
            }
            var http = new HttpRequestMessage(verb, path);
            if (body is not null)
            {
                http.Content = new StringContent(spoilBody is null ? body : spoilBody(body), Encoding.UTF8, "application/json");
            }
            return http;
        }
        catch (InvalidOperationException)
        {
            // JsonFormatter refuses timestamps outside protobuf's range: there is no JSON for them.
            return null;
        }
    }

    private static string Query(IMessage message, List<string> pathFields)
    {
        var parameters = message.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => !f.IsRepeated && !pathFields.Contains(f.Name) && f.FieldType is not (FieldType.Message or FieldType.Bytes))
            .Select(f => (f.JsonName, Text(f.Accessor.GetValue(message))))
            .Where(p => p.Item2.Length > 0 && p.Item2 != "0" && p.Item2 != "False")
            .Select(p => $"{p.JsonName}={Uri.EscapeDataString(p.Item2)}")
            .ToList();
        return parameters.Count == 0 ? "" : "?" + string.Join("&", parameters);
    }

    private static object? Value(IMessage message, string path)
    {
        object? value = message;
        foreach (var name in path.Split('.'))
        {
            if (value is not IMessage m)
            {
                return null;
            }
            value = m.Descriptor.FindFieldByName(name).Accessor.GetValue(m);
        }
        return value;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        System.Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([a-z_.]+)\}")]
    private static partial Regex Variable();
}
