#!/usr/bin/env bash
# The install steps of the GitHub Action (action.yml), run in the action's own checkout ($GITHUB_ACTION_PATH):
#   fingerprint  the cache key: the runner's OS and Node.js major version, and a hash of the lockfile and the sources
#                (actions/cache's hashFiles() only reads the workspace, not the action's directory)
#   install      install the dependencies from the lockfile, build, and keep only the production dependencies
set -euo pipefail
cd "$GITHUB_ACTION_PATH"

case "${1:-}" in
  fingerprint)
    sources="$(find package-lock.json package.json tsconfig.json tsconfig.build.json scripts/build-validators.js src rulesets -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32)"
    echo "key=oasguard-${RUNNER_OS:-unknown}-node$(node -p 'process.versions.node.split(".")[0]')-$sources" >> "$GITHUB_OUTPUT"
    ;;
  install)
    # `npm ci` builds through the `prepare` script; the development dependencies (TypeScript) are then dropped.
    npm ci --no-audit --no-fund --loglevel=error
    npm prune --omit=dev --no-audit --no-fund --loglevel=error
    ;;
  *)
    echo "usage: github-action-install.sh fingerprint|install" >&2
    exit 2
    ;;
esac
