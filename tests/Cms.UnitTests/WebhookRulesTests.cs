using Cms.Domain;

namespace Cms.UnitTests;

public sealed class WebhookRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("post.published", "post.published", true)]
    [InlineData("post.*", "post.deleted", true)]
    [InlineData("*", "image.updated", true)]
    [InlineData("post.*", "postscript.created", false)]
    [InlineData("tag.created", "tag.updated", false)]
    [InlineData("post", "post.published", false)]
    public void A_pattern_names_an_event_exactly_by_resource_or_everything(string pattern, string type, bool matches) =>
        Assert.Equal(matches, Webhook.Matches([pattern], type));

    [Fact]
    public void A_post_is_announced_once_when_readers_can_see_it_and_withdrawn_when_they_no_longer_can()
    {
        var post = new Post("p", Now);
        Assert.Equal(PostChange.Updated, post.RecordChange(Now));

        post.Publish(Now.AddHours(1));
        Assert.Equal(PostChange.Updated, post.RecordChange(Now));
        Assert.Equal(PostChange.Published, post.RecordChange(Now.AddHours(2)));
        Assert.Equal(PostChange.Updated, post.RecordChange(Now.AddHours(3)));

        post.Publish(Now.AddDays(1));
        Assert.Equal(PostChange.Unpublished, post.RecordChange(Now.AddHours(3)));
        post.Publish(Now);
        Assert.Equal(PostChange.Published, post.RecordChange(Now.AddHours(3)));
        post.Unpublish(null);
        Assert.Equal(PostChange.Unpublished, post.RecordChange(Now.AddHours(3)));
    }

    [Fact]
    public void A_delivery_retries_with_the_backoff_until_the_last_attempt_then_fails()
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), Now);
        delivery.AttemptFailed(Now, 500, "HTTP 500", maxAttempts: 2, attempts => TimeSpan.FromSeconds(10 * attempts));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddSeconds(10), delivery.NextAttemptAt);

        delivery.AttemptFailed(Now.AddSeconds(10), null, new string('x', 900), maxAttempts: 2, _ => TimeSpan.Zero);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(WebhookDelivery.ErrorMaxLength, delivery.LastError!.Length);
    }
}
