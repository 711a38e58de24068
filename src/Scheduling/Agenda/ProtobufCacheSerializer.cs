using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Hybrid;

namespace Ksst.Scheduling.Agenda;

/// <summary>Stores API messages in the cache in their protobuf wire form: compact, and exact.</summary>
internal sealed class ProtobufCacheSerializerFactory : IHybridCacheSerializerFactory
{
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        serializer = typeof(IMessage).IsAssignableFrom(typeof(T))
            ? (IHybridCacheSerializer<T>)Activator.CreateInstance(typeof(ProtobufCacheSerializer<>).MakeGenericType(typeof(T)))!
            : null;
        return serializer is not null;
    }
}

/// <summary>Serializes one message type.</summary>
internal sealed class ProtobufCacheSerializer<T> : IHybridCacheSerializer<T> where T : IMessage<T>, new()
{
    private static readonly MessageParser<T> Parser = new(() => new T());

    public T Deserialize(ReadOnlySequence<byte> source) => Parser.ParseFrom(source);

    public void Serialize(T value, IBufferWriter<byte> target) => value.WriteTo(target);
}
