namespace Ksst.ServiceDefaults.Errors;

/// <summary>Parses identifiers in requests, turning malformed ones into INVALID_ARGUMENT.</summary>
public static class RequestFields
{
    /// <summary>Parses a UUID field or throws INVALID_ARGUMENT naming it.</summary>
    public static Guid RequireId(string value, string field) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw RpcErrors.InvalidArgument(field, string.IsNullOrEmpty(value) ? "Required." : "Must be a UUID.");
}
