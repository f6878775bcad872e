using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

public static class GetAuthor
{
    /// <param name="IsAdmin">Admins see the email and count unpublished posts.</param>
    public sealed record Query(Guid Id, bool IsAdmin) : IQuery<AuthorResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Query query, CancellationToken ct) =>
            await AuthorChanges.ReadAsync(db, query.Id, query.IsAdmin, clock.GetUtcNow(), ct);
    }
}

public static class GetAuthorBySlug
{
    public sealed record Query(string Slug, bool IsAdmin) : IQuery<AuthorResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Query query, CancellationToken ct)
        {
            var row = await AuthorQueries.Rows(db, query.IsAdmin, clock.GetUtcNow())
                .FirstOrDefaultAsync(a => a.Slug == query.Slug, ct)
                ?? throw new NotFoundException("Author", query.Slug);
            return row.ToResponse(query.IsAdmin);
        }
    }
}
