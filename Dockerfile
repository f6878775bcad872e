# The Cms API as a container: `docker build -t cms-api .`, or `docker compose up` (see docker-compose.yml).
# `docker run cms-api migrate` applies the migrations and exits.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Project files first: the restore layer is reused until one of them changes.
# global.json pins SDK 10.0.100 with rollForward latestFeature, which any 10.0 SDK image satisfies.
COPY *.props global.json Cms.sln ./
COPY src/Cms.Domain/Cms.Domain.csproj src/Cms.Domain/
COPY src/Cms.Application/Cms.Application.csproj src/Cms.Application/
COPY src/Cms.Infrastructure/Cms.Infrastructure.csproj src/Cms.Infrastructure/
COPY src/Cms.Api/Cms.Api.csproj src/Cms.Api/
RUN dotnet restore src/Cms.Api/Cms.Api.csproj

COPY src/ src/
RUN dotnet publish src/Cms.Api/Cms.Api.csproj -c Release -o /app --no-restore


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final

# The aspnet image has neither curl nor wget, and HEALTHCHECK needs something to make a request.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Cms:Images:Root defaults to ./data/images, i.e. /app/data/images. The app user must own it; a named
# volume mounted on /app/data copies this ownership when it is first created.
RUN mkdir -p /app/data/images && chown -R "$APP_UID" /app/data
COPY --from=build /app ./

ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# APP_UID is the non-root user that the .NET images define.
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "Cms.Api.dll"]
