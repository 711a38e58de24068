using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// The gRPC errors a caller's mistake maps to, each with google.rpc details that JSON
/// transcoding passes through as the HTTP error body.
/// </summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with one field violation per bad field.</summary>
    public static RpcException InvalidArgument(FieldViolations violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.All);
        var fields = string.Join(", ", violations.All.Select(v => v.Field));
        return Build(Code.InvalidArgument, $"The request has invalid fields: {fields}.", badRequest);
    }

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument(new FieldViolations().Add(field, description));

    /// <summary>
    /// INVALID_ARGUMENT for a request that cannot be read as <paramref name="messageType"/> at all
    /// (invalid UTF-8 in a string field, a truncated message), so no field can be named. Its
    /// google.rpc.ErrorInfo has the reason <see cref="MalformedRequestReason"/>.
    /// </summary>
    public static RpcException MalformedRequest(string messageType, string reason) =>
        Build(Code.InvalidArgument, $"The request is not a valid {messageType}: {reason}",
            new ErrorInfo { Reason = MalformedRequestReason, Domain = ErrorDomain, Metadata = { ["message_type"] = messageType } });

    /// <summary>The google.rpc.ErrorInfo reason of <see cref="MalformedRequest"/>.</summary>
    public const string MalformedRequestReason = "MALFORMED_REQUEST";

    /// <summary>The google.rpc.ErrorInfo domain of KSST's errors.</summary>
    public const string ErrorDomain = "ksst.api.v1";

    /// <summary>NOT_FOUND naming the missing resource.</summary>
    public static RpcException NotFound(string resourceType, string resourceName) =>
        Build(Code.NotFound, $"{resourceType} '{resourceName}' does not exist.",
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName });

    /// <summary>ALREADY_EXISTS naming the resource that clashes.</summary>
    public static RpcException AlreadyExists(string resourceType, string resourceName, string description) =>
        Build(Code.AlreadyExists, description,
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = description });

    /// <summary>FAILED_PRECONDITION: the request is well formed but the system's state forbids it.</summary>
    public static RpcException FailedPrecondition(string type, string subject, string description) =>
        FailedPrecondition([(type, subject, description)], description);

    /// <summary>FAILED_PRECONDITION with one violation per broken condition.</summary>
    public static RpcException FailedPrecondition(IEnumerable<(string Type, string Subject, string Description)> violations, string message)
    {
        var failure = new PreconditionFailure();
        failure.Violations.AddRange(violations.Select(v => new PreconditionFailure.Types.Violation { Type = v.Type, Subject = v.Subject, Description = v.Description }));
        return Build(Code.FailedPrecondition, message, failure);
    }

    /// <summary>
    /// PERMISSION_DENIED: the caller is known but may not do this (its google.rpc.ErrorInfo has
    /// <paramref name="reason"/>). For a resource the caller may not even see, answer
    /// <see cref="NotFound"/> instead, so its existence does not leak.
    /// </summary>
    public static RpcException PermissionDenied(string reason, string description) =>
        Build(Code.PermissionDenied, description, new ErrorInfo { Reason = reason, Domain = ErrorDomain });

    /// <summary>A status of <paramref name="code"/> with one google.rpc detail.</summary>
    internal static RpcException Build(Code code, string message, Google.Protobuf.IMessage detail)
    {
        var status = new Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
