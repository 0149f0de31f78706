import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The root of the git work tree holding `cwd`: the nearest directory at or above it with a `.git` (a directory, or
 * a file in a worktree or submodule); `cwd` itself outside any. Paths in SARIF, annotations and CI reports are
 * relative to it, which is what GitHub and GitLab place them by. Read from the file system: no git needed.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}
