# syntax=docker/dockerfile:1
# Fenshen's two images from one build: `app` (Next.js's standalone server) and `worker` (npm run worker).
# compose.yaml builds both; see README, "Deployment to production".
ARG NODE_IMAGE=node:20-bookworm-slim

# What both images run on: Node, the OCR programs ingestion calls for scanned documents, and the CJK
# font of exported conversation PDFs.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils \
 && rm -rf /var/lib/apt/lists/*

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build

# The app: server.js with only the files it traced; migrations, the embedded database's thread and the demo corpus are read from disk at run time.
# It runs ingestion itself when started alone (JOBS_IN_PROCESS=true), hence the OCR programs.
FROM runtime AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/app/.data \
    NEXT_MANUAL_SIG_HANDLE=true
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
# The embedded database's thread is started from its file by path (db/pglite-thread-client.ts), which tracing does not follow.
COPY --from=build --chown=node:node /app/db/pglite-thread.mjs ./db/pglite-thread.mjs
COPY --from=build --chown=node:node /app/server/demo/corpus ./server/demo/corpus
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM must reach the server for the graceful shutdown.
CMD ["node", "server.js"]

# The worker runs the TypeScript sources with tsx, so it keeps the full dependencies; the react-server
# condition lets the services' `import "server-only"` resolve to its empty module outside Next.
FROM runtime AS worker
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 DATA_DIR=/app/.data
COPY --chown=node:node . .
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 9464
CMD ["node_modules/.bin/tsx", "--conditions=react-server", "server/worker/main.ts"]
