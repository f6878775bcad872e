using System.Linq.Expressions;

namespace Cms.Application.Common;

/// <summary>
/// Builds <c>x =&gt; new TRow { A = ..., B = ... }</c> from the bindings a request needs, so the SQL
/// reads only the columns (and runs only the subqueries) that the response will carry.
/// </summary>
public static class Projection
{
    public static Expression<Func<TSource, TRow>> Of<TSource, TRow>(IEnumerable<KeyValuePair<string, LambdaExpression>> bindings)
        where TRow : new()
    {
        var parameter = Expression.Parameter(typeof(TSource), "x");
        var members = bindings
            .DistinctBy(b => b.Key)
            .Select(b =>
            {
                var property = typeof(TRow).GetProperty(b.Key) ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no {b.Key}.");
                var body = new Rebind(b.Value.Parameters[0], parameter).Visit(b.Value.Body);
                return (MemberBinding)Expression.Bind(property, body.Type == property.PropertyType ? body : Expression.Convert(body, property.PropertyType));
            });
        return Expression.Lambda<Func<TSource, TRow>>(Expression.MemberInit(Expression.New(typeof(TRow)), members), parameter);
    }

    /// <summary>A typed binding: <c>Bind&lt;Post, string&gt;("Title", p =&gt; p.Title)</c>.</summary>
    public static KeyValuePair<string, LambdaExpression> Bind<TSource, TValue>(string property, Expression<Func<TSource, TValue>> value) =>
        new(property, value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
