# oasguard as a container: `docker build -t oasguard .` then `docker run --rm -v "$PWD:/src" -w /src oasguard lint openapi/`.
# Built from this repository (the lockfile, then the sources), with the production dependencies only, run as the
# unprivileged `node` user: the linted tree is mounted, and oasguard never needs more than to read it.
FROM node:20-slim AS build
WORKDIR /oasguard
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src src
COPY bin bin
COPY rulesets rulesets
COPY scripts/build-validators.js scripts/bundle.js scripts/spectral-startup.js scripts/
# The build records the CLI's code cache by linting the bundled example.
COPY fixtures/examples/petstore-insecure.yaml fixtures/examples/
# `npm ci` builds through the `prepare` script; the development dependencies (TypeScript, esbuild) are then dropped.
RUN npm ci --no-audit --no-fund --loglevel=error && npm prune --omit=dev --no-audit --no-fund --loglevel=error

FROM node:20-slim
WORKDIR /oasguard
COPY --from=build /oasguard/package.json ./
COPY --from=build /oasguard/node_modules node_modules
COPY --from=build /oasguard/dist dist
COPY --from=build /oasguard/bin bin
COPY --from=build /oasguard/rulesets rulesets
RUN ln -s /oasguard/bin/oasguard.js /usr/local/bin/oasguard
USER node
WORKDIR /src
ENTRYPOINT ["oasguard"]
CMD ["--help"]
