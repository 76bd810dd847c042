# syntax=docker/dockerfile:1
# KigaliGo: the Hono server with the three built apps in one image. See README "Run in production".
# Build stage: the whole workspace, dev tools included, builds the apps (precompressed) and then keeps only what the
# server needs at run time. Runtime stage: Node, those files, a non-root user.

FROM node:20-bookworm-slim AS base
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
# pnpm at the version package.json's "packageManager" names.
RUN corepack enable

FROM base AS build
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
# Production dependencies of the server and the workspace packages it imports, from the store just filled.
RUN rm -rf node_modules apps/*/node_modules packages/*/node_modules sync-server/node_modules \
  && pnpm install --frozen-lockfile --prod --offline --filter @kigaligo/sync-server...

FROM base AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/sync-server ./sync-server
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/public ./public
COPY --from=build /app/apps/rider/dist ./apps/rider/dist
COPY --from=build /app/apps/driver/dist ./apps/driver/dist
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
# Liveness only: a database outage must not get the container restarted (readiness is the balancer's check).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: stop accepting, close sockets with 1012 so clients reconnect elsewhere, finish what is in flight.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "sync-server/src/main.ts"]
