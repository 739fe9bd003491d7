# syntax=docker/dockerfile:1
# One image for api, worker and portal; compose picks the stage with `target`.
# Build from the repo root: docker build -f infra/docker/node.Dockerfile --target api .

FROM node:20-bookworm-slim AS base
# pnpm comes from corepack at the version pinned in package.json
# ("packageManager"). It is fetched at build time into a shared COREPACK_HOME so
# the non-root runtime user never needs the network to run pnpm.
ENV COREPACK_HOME=/opt/corepack \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0 \
    CI=true
WORKDIR /app
COPY package.json ./
RUN corepack enable && corepack install && chmod -R a+rX /opt/corepack

FROM base AS build
# Fetch from the lockfile alone so this layer stays cached until deps change.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch --frozen-lockfile
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build && pnpm --filter @accord/portal build

FROM base AS runtime
ENV NODE_ENV=production
# Only /app is copied, so the pnpm store from the build stage stays behind.
COPY --from=build --chown=node:node /app /app
USER node

FROM runtime AS api
EXPOSE 3001
CMD ["pnpm", "--filter", "@accord/api", "start"]

FROM runtime AS worker
CMD ["pnpm", "--filter", "@accord/worker", "start"]

FROM runtime AS portal
EXPOSE 3000
CMD ["node", "apps/portal/build"]
