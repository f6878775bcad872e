using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Tags;

public static class GetTag
{
    /// <param name="IncludeUnpublished">Admins count unpublished posts too.</param>
    public sealed record Query(Guid Id, bool IncludeUnpublished, string? Fields = null) : IQuery<TagResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => TagFields.Parse(f) is not null).WithMessage(SparseFields.Describe(TagFields.All));
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Query query, CancellationToken ct) =>
            await TagChanges.ReadAsync(db, db.Tags.Where(t => t.Id == query.Id), query.Id.ToString(), query.IncludeUnpublished, query.Fields, clock.GetUtcNow(), ct);
    }
}

public static class GetTagBySlug
{
    public sealed record Query(string Slug, bool IncludeUnpublished, string? Fields = null) : IQuery<TagResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => TagFields.Parse(f) is not null).WithMessage(SparseFields.Describe(TagFields.All));
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Query query, CancellationToken ct) =>
            await TagChanges.ReadAsync(db, db.Tags.Where(t => t.Slug == query.Slug), query.Slug, query.IncludeUnpublished, query.Fields, clock.GetUtcNow(), ct);
    }
}
