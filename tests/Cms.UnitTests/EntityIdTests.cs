using Cms.Domain;

namespace Cms.UnitTests;

public sealed class EntityIdTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Entities => ["post", "author", "tag"];

    [Theory]
    [MemberData(nameof(Entities))]
    public void A_new_entity_gets_a_uuid_v7_id_carrying_its_creation_time(string entity)
    {
        var id = Create(entity);

        Assert.Equal(7, id.Version);
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString("x12"), id.ToString("N")[..12]);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Entities_created_at_the_same_moment_get_different_ids(string entity) =>
        Assert.NotEqual(Create(entity), Create(entity));

    private static Guid Create(string entity) => entity switch
    {
        "post" => new Post("slug", Now).Id,
        "author" => new Author("slug", "Name", Now).Id,
        "tag" => new Tag("slug", "Name", Now).Id,
        _ => throw new ArgumentOutOfRangeException(nameof(entity)),
    };
}
