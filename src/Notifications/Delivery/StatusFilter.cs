using System.Linq.Expressions;

namespace Ksst.Notifications.Delivery;

/// <summary>Filters delivery rows (emails or webhooks) by the lifecycle's sets of statuses, as SQL the status index serves.</summary>
internal static class StatusFilter
{
    /// <summary>The rows whose status is one of <paramref name="statuses"/> (translated to <c>Status = … OR Status = …</c>).</summary>
    public static IQueryable<T> WhereStatusIn<T>(this IQueryable<T> rows, params IReadOnlyList<DeliveryStatus> statuses) where T : class, IDeliveryState
    {
        var row = Expression.Parameter(typeof(T), "d");
        // The concrete class's property, as EF maps it.
        var status = Expression.Property(row, typeof(T).GetProperty(nameof(IDeliveryState.Status))!);
        var any = statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse);
        return rows.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }
}
