using System.Linq.Expressions;
using System.Text.Json;

namespace Cms.Application.Common;

/// <summary>One column of a keyset order: how to read it from a row, and which way it runs.</summary>
public sealed record KeysetKey<T>(string Name, LambdaExpression Selector, bool Descending)
{
    public Type ValueType => Selector.ReturnType;
}

/// <summary>
/// Keyset ("seek") paging: the rows after the last one seen, as a WHERE clause over the sort keys,
/// so that page N+1 walks the index from where page N stopped instead of counting past N pages.
/// Nulls sort as PostgreSQL sorts them: last ascending, first descending.
/// </summary>
public static class Keyset
{
    public static IQueryable<T> OrderBy<T>(IQueryable<T> source, IReadOnlyList<KeysetKey<T>> keys)
    {
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var method = (i == 0, keys[i].Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(T), keys[i].ValueType], expression, Expression.Quote(keys[i].Selector));
        }
        return source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>Rows strictly after <paramref name="values"/> in the order of <paramref name="keys"/>.</summary>
    public static IQueryable<T> After<T>(IQueryable<T> source, IReadOnlyList<KeysetKey<T>> keys, IReadOnlyList<object?> values)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < keys.Count; i++)
        {
            var column = Rebind(keys[i].Selector, row);
            var value = Parameter(values[i], keys[i].ValueType);
            var after = AfterValue(column, value, values[i] is null, keys[i].Descending);
            if (after is not null)
            {
                var branch = Expression.AndAlso(equalSoFar, after);
                any = any is null ? branch : Expression.OrElse(any, branch);
            }
            equalSoFar = Expression.AndAlso(equalSoFar, values[i] is null ? IsNull(column) : Compare(column, value, ExpressionType.Equal));
        }
        var predicate = any ?? Expression.Constant(false);
        // The OR chain above is exact but not a range PostgreSQL can seek to; "first key at or past
        // its value" says the same for the first key and lets the index start at the right place.
        if (values[0] is not null && Nullable.GetUnderlyingType(keys[0].ValueType) is null && keys[0].ValueType != typeof(string))
        {
            var first = Rebind(keys[0].Selector, row);
            predicate = Expression.AndAlso(Compare(first, Parameter(values[0], keys[0].ValueType),
                keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual), predicate);
        }
        else if (values[0] is not null && keys[0].ValueType != typeof(string))
        {
            // A nullable first key: the bound holds for non-null rows; nulls are placed by the chain.
            var first = Rebind(keys[0].Selector, row);
            var bound = Compare(first, Parameter(values[0], keys[0].ValueType), keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
            predicate = keys[0].Descending ? Expression.AndAlso(bound, predicate) : Expression.AndAlso(Expression.OrElse(bound, IsNull(first)), predicate);
        }
        return source.Where(Expression.Lambda<Func<T, bool>>(predicate, row));
    }

    private static Expression? AfterValue(Expression column, Expression value, bool valueIsNull, bool descending)
    {
        var nullable = !column.Type.IsValueType || Nullable.GetUnderlyingType(column.Type) is not null;
        if (descending)
            // Descending: nulls first, then larger to smaller.
            return valueIsNull ? (nullable ? Expression.Not(IsNull(column)) : null) : Compare(column, value, ExpressionType.LessThan);
        // Ascending: smaller to larger, then nulls.
        if (valueIsNull) return null;
        var greater = Compare(column, value, ExpressionType.GreaterThan);
        return nullable ? Expression.OrElse(greater, IsNull(column)) : greater;
    }

    private static BinaryExpression IsNull(Expression column) => Expression.Equal(column, Expression.Constant(null, column.Type));

    private static Expression Compare(Expression column, Expression value, ExpressionType type)
    {
        if (column.Type == typeof(string))
        {
            // EF translates string.Compare(a, b) > 0 into a > b, in the column's collation, as ORDER BY uses.
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value);
            return Expression.MakeBinary(type, compare, Expression.Constant(0));
        }
        return Expression.MakeBinary(type, column, value.Type == column.Type ? value : Expression.Convert(value, column.Type));
    }

    /// <summary>A value EF sends as a parameter (a captured field), not as a literal in the SQL text.</summary>
    private static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private static Expression Rebind(LambdaExpression selector, ParameterExpression row) =>
        new Replace(selector.Parameters[0], row).Visit(selector.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>Reads a cursor value back into the key's type.</summary>
    public static object? Read(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return element.Deserialize(target, CmsJson.Options);
    }
}
