# syntax=docker/dockerfile:1
# Build stage: compile native better-sqlite3 and the TypeScript sources.
FROM node:22-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY locales ./locales
RUN npm run build && npm prune --omit=dev

# Runtime stage: only what the bot needs, run as an unprivileged user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production DATABASE_URL=/data/linklog.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
CMD ["node", "dist/src/main.js"]
