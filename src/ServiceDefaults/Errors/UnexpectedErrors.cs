using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Status = Google.Rpc.Status;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// What a caller learns of an exception no handler expected. SQLite being busy or locked, or its
/// disk being full, is UNAVAILABLE with a retry hint (google.rpc.RetryInfo): the same call may
/// work later. Anything else is INTERNAL with a generic message: the exception's text stays in
/// the service's log, never goes to the caller.
/// </summary>
public static class UnexpectedErrors
{
    /// <summary>The message of an INTERNAL answer.</summary>
    public const string InternalMessage = "The service failed to handle the request; the failure was logged. Please report it if it happens again.";

    /// <summary>The message of an UNAVAILABLE answer while the database is busy or locked.</summary>
    public const string BusyMessage = "The service's database is busy; retry the call in a moment.";

    /// <summary>The message of an UNAVAILABLE answer while the database's disk is full.</summary>
    public const string DiskFullMessage = "The service's database has no room left; retry the call later.";

    /// <summary>SQLite's primary result codes that mean "try again later".</summary>
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteFull = 13;

    /// <summary>
    /// The answer to <paramref name="exception"/>, and whether it is unexpected (to be logged as a
    /// failure of the service rather than of the moment).
    /// </summary>
    public static (RpcException Answer, bool Unexpected) Answer(Exception exception) => SqliteCode(exception) switch
    {
        SqliteBusy or SqliteLocked => (Unavailable(BusyMessage, TimeSpan.FromSeconds(1)), false),
        SqliteFull => (Unavailable(DiskFullMessage, TimeSpan.FromSeconds(30)), false),
        _ => (new RpcException(new Grpc.Core.Status(StatusCode.Internal, InternalMessage)), true),
    };

    /// <summary>The SQLite primary result code of <paramref name="exception"/> or of an exception inside it (EF Core's DbUpdateException), or null.</summary>
    public static int? SqliteCode(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                // Extended result codes (e.g. SQLITE_BUSY_SNAPSHOT, 517) keep the primary one in their low byte.
                return sqlite.SqliteErrorCode & 0xFF;
            }
        }
        return null;
    }

    private static RpcException Unavailable(string message, TimeSpan retryAfter)
    {
        var status = new Status { Code = (int)Code.Unavailable, Message = message };
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
        return status.ToRpcException();
    }
}
