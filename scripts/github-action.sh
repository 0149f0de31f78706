#!/usr/bin/env bash
# The lint step of the GitHub Action (action.yml): annotations on stdout (-f github), the SARIF report to a file,
# the Markdown report as the job summary, and the HTML report when asked. With a diff base, the same reports of
# `oasguard diff --base` instead. The exit code is oasguard's, so the step fails as the CLI would.
set -euo pipefail

# Separated by any whitespace, line breaks included; globs stay unexpanded here, for oasguard to expand.
read -r -d '' -a inputs <<< "${OASGUARD_FILES:-.}" || true
sarif_file="${OASGUARD_SARIF_FILE:-oasguard.sarif}"

# Extra options, split on whitespace like the files: words, never shell code.
read -r -d '' -a extra <<< "${OASGUARD_ARGS:-}" || true

if [ -n "${OASGUARD_DIFF_BASE:-}" ]; then
  if [ -n "${OASGUARD_BASELINE:-}${OASGUARD_HTML_REPORT:-}" ]; then
    echo "oasguard: the diff-base input does not combine with baseline or html-report: a diff reports only what changed." >&2
    exit 2
  fi
  args=(diff --base "$OASGUARD_DIFF_BASE")
else
  args=(lint)
fi
args+=(--fail-severity "${OASGUARD_FAIL_SEVERITY:-error}" -f github -f "sarif:$sarif_file")
# No ruleset input: the CLI's own default, the project's .oasguard.yaml when there is one, else recommended.
if [ -n "${OASGUARD_RULESET:-}" ]; then args+=(--ruleset "$OASGUARD_RULESET"); fi
if [ -n "${OASGUARD_BASELINE:-}" ]; then args+=(--baseline "$OASGUARD_BASELINE"); fi
if [ -n "${OASGUARD_CATEGORY:-}" ]; then args+=(--sarif-category "$OASGUARD_CATEGORY"); fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then args+=(-f "markdown:$GITHUB_STEP_SUMMARY"); fi
if [ -n "${OASGUARD_HTML_REPORT:-}" ]; then args+=(-f "html:$OASGUARD_HTML_REPORT"); fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif_file" >> "$GITHUB_OUTPUT"; fi

# `--` ends the options: an input is always a path, even one that starts with a dash.
exec node "$OASGUARD_BIN" "${args[@]}" "${extra[@]}" -- "${inputs[@]}"
