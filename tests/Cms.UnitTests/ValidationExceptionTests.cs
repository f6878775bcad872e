using FluentValidation.Results;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.UnitTests;

public sealed class ValidationExceptionTests
{
    [Theory]
    [InlineData("Input.Title", "title")]
    [InlineData("Input.PublishedAt", "publishedAt")]
    [InlineData("Input.Tags[0]", "tags[0]")]
    [InlineData("Input.Metadata.Layout", "metadata.layout")]
    [InlineData("PageSize", "pageSize")]
    [InlineData("Sort", "sort")]
    [InlineData("title", "title")]
    [InlineData("InputTitle", "inputTitle")]
    [InlineData("Filter.Author", "filter.author")]
    [InlineData("", "")]
    public void A_property_path_becomes_the_json_name_the_client_sent(string propertyPath, string expected) =>
        Assert.Equal(expected, ValidationException.FieldName(propertyPath));

    [Fact]
    public void Failures_are_grouped_by_field_with_duplicate_messages_once()
    {
        var error = ValidationException.From(
        [
            new ValidationFailure("Input.Title", "is required."),
            new ValidationFailure("Input.Title", "is required."),
            new ValidationFailure("Input.Title", "is too long."),
            new ValidationFailure("Input.Tags[1]", "must not be empty."),
        ]);

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(["is required.", "is too long."], error.Errors["title"]);
        Assert.Equal(["must not be empty."], error.Errors["tags[1]"]);
    }
}
