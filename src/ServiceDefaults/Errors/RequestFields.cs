namespace Ksst.ServiceDefaults.Errors;

/// <summary>Parses identifiers in requests, turning malformed ones into INVALID_ARGUMENT.</summary>
public static class RequestFields
{
    /// <summary>Parses a UUID field or throws INVALID_ARGUMENT naming it.</summary>
    public static Guid RequireId(string value, string field) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw RpcErrors.InvalidArgument(field, string.IsNullOrEmpty(value) ? "Required." : "Must be a UUID.");

    /// <summary>
    /// Parses a UUID field; throws INVALID_ARGUMENT naming it together with every violation
    /// already collected in <paramref name="violations"/>.
    /// </summary>
    public static Guid RequireId(string value, string field, FieldViolations violations)
    {
        var valid = Guid.TryParse(value, out var id);
        violations.AddIf(!valid, field, string.IsNullOrEmpty(value) ? "Required." : "Must be a UUID.").ThrowIfAny();
        return id;
    }
}
