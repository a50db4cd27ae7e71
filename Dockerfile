# syntax=docker/dockerfile:1
# The silo image the Helm chart (helm/ccm) runs. Build from the repository root, naming the two base images
# (Microsoft's official .NET 10 images: the SDK, and the ASP.NET Core runtime in its Ubuntu "noble-chiseled"
# variant) as they are reachable from your build machine or mirror:
#   docker build --build-arg SDK_IMAGE=<dotnet sdk 10.0 image> \
#                --build-arg RUNTIME_IMAGE=<aspnet 10.0-noble-chiseled image> -t <your-repo>/ccm-silo:<tag> .
# then set the chart's image.repository / image.tag to what you pushed. The base images are arguments, not
# hard-coded, so the file names no registry and works behind a mirror.
ARG SDK_IMAGE
ARG RUNTIME_IMAGE

# Build stage: the full SDK restores and publishes the silo and the projects it references.
FROM ${SDK_IMAGE:?set --build-arg SDK_IMAGE to the .NET 10 SDK image} AS build
WORKDIR /src
# The whole tree (minus .dockerignore) because Directory.Build.props, Directory.Packages.props, global.json and
# NuGet.config at the root shape every project; the NuGet cache mount keeps rebuilds from restoring again.
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish Silo/Silo.csproj -c Release -o /app -p:UseAppHost=false

# Runtime stage: ASP.NET Core on Ubuntu chiseled (no shell, no package manager, non-root by default). The project
# sets InvariantGlobalization, so the image's missing ICU is not needed.
FROM ${RUNTIME_IMAGE:?set --build-arg RUNTIME_IMAGE to the ASP.NET Core 10.0 noble-chiseled image} AS runtime
WORKDIR /app
COPY --from=build /app .
# The silo binds its listeners from its flags (--dashboard-bind-addr, --metrics-bind-addr,
# --health-probe-bind-addr); clear the base image's default so Kestrel opens nothing else.
ENV ASPNETCORE_HTTP_PORTS=
# 1654 is the .NET images' "app" user; the chart's podSecurityContext runs as the same uid/gid.
USER 1654:1654
# Dashboard and metrics (one listener by default), /healthz and /readyz, then the silo-to-silo port (--silo-port).
EXPOSE 8080 10258 11111
ENTRYPOINT ["dotnet", "Ccm.Silo.dll"]
