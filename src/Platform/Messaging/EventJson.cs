using System.Text.Json;

namespace Ksst.Platform.Messaging;

/// <summary>The JSON settings of stored events: the same camelCase web defaults as the wire format.</summary>
internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
