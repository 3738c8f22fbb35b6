# MegiLance: one container, one SQLite file on the /data volume.

# Dependencies, with the toolchain better-sqlite3 needs if no prebuilt binary fits.
# Node 20, as package.json `engines` says (^20.19.0: the floor of @noble/hashes, faker and knip).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# `npm install` rather than `npm ci`: npm 11 writes lockfiles without the other platforms'
# optional packages (rollup, esbuild), which `npm ci` then refuses as out of sync.
RUN npm install --no-audit --no-fund

# The Remix production build.
FROM deps AS build
COPY . .
RUN npm run build

# Only what runs in production.
FROM deps AS prod-deps
RUN npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_PATH=/data/megilance.db
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY package.json tsconfig.json ./
COPY app ./app
COPY server ./server
COPY scripts ./scripts
COPY drizzle ./drizzle
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://localhost:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Production never seeds the demo (its accounts share a published password) and refuses to start
# on a database holding demo accounts; migrations run when the database opens. The first admin:
#   docker exec -it <container> npm run create-admin -- --email you@example.com --name "Your Name" --password "a long passphrase"
# Without SMTP_URL, sign-in codes reach no one but the offline outbox; read the new admin's with
#   docker exec -it <container> npm run outbox -- --to you@example.com
# To run the demo in a container on purpose: docker run -e DEMO=true … and seed it with
#   docker exec <container> npm run seed:if-empty
CMD ["node", "--import", "tsx", "server/index.ts"]
