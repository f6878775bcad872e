using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cms.Infrastructure.Data;

public sealed class LowercaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
