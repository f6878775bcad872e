using System.Linq.Expressions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.Application.Images;

/// <summary>An embedded image in SQL: one left join, the URL concatenated by the database.</summary>
public static class ImageRefs
{
    public static Expression<Func<TOwner, ImageRef?>> Of<TOwner>(Expression<Func<TOwner, Image?>> image)
    {
        Expression<Func<Image?, ImageRef?>> toRef = i => i == null ? null
            : new ImageRef(i.Id, ImageUrls.MediaPrefix + i.Sha256 + "." + i.Extension, i.Width, i.Height, i.Alt);
        var body = new Replace(toRef.Parameters[0], image.Body).Visit(toRef.Body);
        return Expression.Lambda<Func<TOwner, ImageRef?>>(body, image.Parameters);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

public static class ImageIds
{
    /// <summary>The id itself when such an image exists; an unknown id is a 400 on <paramref name="field"/>.</summary>
    public static async Task<Guid?> ResolveAsync(ICmsDb db, Guid? id, string field, CancellationToken ct)
    {
        if (id is not { } wanted) return null;
        if (!await db.Images.AnyAsync(i => i.Id == wanted, ct))
            throw new ValidationException(field, $"No image has the id '{wanted}'. Upload it first (POST /api/v1/images).");
        return wanted;
    }
}
