using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

public static class GetAuthor
{
    /// <param name="IsAdmin">Admins see the email and count unpublished posts.</param>
    public sealed record Query(Guid Id, bool IsAdmin, string? Fields = null) : IQuery<AuthorResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => AuthorFields.Parse(f, true) is not null).WithMessage(SparseFields.Describe(AuthorFields.All));
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Query query, CancellationToken ct) =>
            await AuthorChanges.ReadAsync(db, db.Authors.Where(a => a.Id == query.Id), query.Id.ToString(), query.IsAdmin, query.Fields, clock.GetUtcNow(), ct);
    }
}

public static class GetAuthorBySlug
{
    public sealed record Query(string Slug, bool IsAdmin, string? Fields = null) : IQuery<AuthorResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => AuthorFields.Parse(f, true) is not null).WithMessage(SparseFields.Describe(AuthorFields.All));
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Query query, CancellationToken ct) =>
            await AuthorChanges.ReadAsync(db, db.Authors.Where(a => a.Slug == query.Slug), query.Slug, query.IsAdmin, query.Fields, clock.GetUtcNow(), ct);
    }
}
