using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Posts;

public static class GetPostBySlug
{
    /// <param name="Fields">Comma list of fields to return; all but highlight by default.</param>
    public sealed record Query(string Slug, bool IncludeUnpublished, string? Fields = null) : IQuery<PostResponse>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Fields).Must(f => SparseFields.Parse(f, PostFields.All, PostFields.ItemDefaults) is not null)
            .WithMessage(SparseFields.Describe(PostFields.All));
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Query query, CancellationToken ct) =>
            await GetPost.ReadAsync(db, post => post.Slug(query.Slug), query.Slug, query.IncludeUnpublished, query.Fields, clock.GetUtcNow(), ct);
    }
}
