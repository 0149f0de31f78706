#!/usr/bin/env bash
# The lint step of the GitHub Action (action.yml): annotations on stdout (-f github), the SARIF report to a file,
# and the Markdown report as the job summary. The exit code is oasguard's, so the step fails as the CLI would.
set -euo pipefail

# Separated by any whitespace, line breaks included; globs stay unexpanded here, for oasguard to expand.
read -r -d '' -a inputs <<< "${OASGUARD_FILES:-.}" || true
sarif_file="${OASGUARD_SARIF_FILE:-oasguard.sarif}"

args=(lint --ruleset "${OASGUARD_RULESET:-recommended}" --fail-severity "${OASGUARD_FAIL_SEVERITY:-error}")
args+=(-f github -f "sarif:$sarif_file")
if [ -n "${OASGUARD_CATEGORY:-}" ]; then args+=(--sarif-category "$OASGUARD_CATEGORY"); fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then args+=(-f "markdown:$GITHUB_STEP_SUMMARY"); fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"; fi

# `--` ends the options: an input is always a path, even one that starts with a dash.
exec "${OASGUARD_BIN:-oasguard}" "${args[@]}" -- "${inputs[@]}"
