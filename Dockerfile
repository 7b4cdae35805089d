# The VisitNow server: every tenant, the console, health and metrics on one port.
# Used by docker-compose.yml; expects DATABASE_URL (see docs/runbooks/operations.md).
FROM node:20-bookworm-slim

WORKDIR /app

# Manifests first, so dependency installs are cached until a package.json or the lockfile changes.
COPY package.json package-lock.json ./
COPY platform/package.json platform/
COPY provisioning/package.json provisioning/
COPY tenant-apps/ui/package.json tenant-apps/ui/
COPY tenant-apps/patient/package.json tenant-apps/patient/
COPY tenant-apps/doctor/package.json tenant-apps/doctor/
COPY tenant-apps/admin/package.json tenant-apps/admin/
COPY tenant-apps/console/package.json tenant-apps/console/
# Dev dependencies are needed: the build (Remix, Vite, Tailwind) and `npm run serve` (tsx).
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# Set after the install and build, which need dev dependencies.
ENV NODE_ENV=production \
    PORT=3000
EXPOSE 3000

CMD ["npm", "run", "serve"]
