using System.Reflection;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// Turns a request that cannot be read as its message (invalid UTF-8 in a string field, a
/// truncated or otherwise malformed message) into INVALID_ARGUMENT. Grpc.AspNetCore reads the
/// request before any interceptor runs and reports such a failure as UNKNOWN ("Exception was
/// thrown by handler"), so the check lives in the request marshaller of each method
/// (<see cref="GuardedServiceMethodProvider{TService}"/> binds every method with it). JSON
/// transcoding reads its body itself and already answers HTTP 400 (INVALID_ARGUMENT) for a body
/// that is not valid UTF-8 or not valid JSON. A request larger than <see cref="RequestSize.MaxBytes"/>
/// is refused here too, before it is parsed.
/// </summary>
public static class MalformedRequests
{
    /// <summary>What a string field with invalid UTF-8 is called in the error message.</summary>
    public const string InvalidUtf8 = "a string field holds invalid UTF-8.";

    /// <summary><paramref name="method"/> with a request marshaller that refuses malformed requests.</summary>
    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var messageType = MessageTypeOf<TRequest>();
        var inner = method.RequestMarshaller;
        var guarded = new Marshaller<TRequest>(inner.ContextualSerializer, context => Read(inner, context, messageType));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }

    /// <summary>Reads a request, or throws INVALID_ARGUMENT saying why it cannot be read (or that it is too large).</summary>
    public static T Read<T>(Marshaller<T> marshaller, DeserializationContext context, string messageType)
    {
        if (RequestSize.Check(context.PayloadLength) is { } tooLarge)
        {
            throw tooLarge;
        }
        try
        {
            return marshaller.ContextualDeserializer(context);
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidProtocolBufferException { InnerException: DecoderFallbackException })
        {
            // Google.Protobuf wraps the decoder's failure ("String is invalid UTF-8.").
            throw RpcErrors.MalformedRequest(messageType, InvalidUtf8);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw RpcErrors.MalformedRequest(messageType, e.Message.Length > 0 ? char.ToLowerInvariant(e.Message[0]) + e.Message[1..] : "it cannot be parsed.");
        }
    }

    private static string MessageTypeOf<T>() =>
        typeof(T).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageDescriptor descriptor
            ? descriptor.FullName
            : typeof(T).Name;
}
