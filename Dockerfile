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
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Runtime stage: only what the bot needs, run as an unprivileged user.
FROM node:22-bookworm-slim
# /stats draws its chart with the system's fonts: this one covers Chinese (without it, Chinese labels are boxes).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
# PORT opens /healthz in both modes (the webhook in webhook mode, the Mini App with WEB_APP_URL) for the health check below.
ENV NODE_ENV=production DATABASE_URL=/data/linklog.db PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=60s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`: a small young generation and a 1 GiB heap limit keep memory flat (README, Performance).
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=1024", "dist/src/main.js"]
