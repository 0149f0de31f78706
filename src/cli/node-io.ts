import writeFileAtomic from 'write-file-atomic';
import type { CliIo } from './program';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The real process's streams, files and environment. */
export function nodeIo(): CliIo {
  // A reader that stops early (`oasguard lint ... | head -1`) closes the pipe: the rest of the report has nowhere
  // to go, which is not an error of the lint.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => readAll(process.stdin),
    // A temporary file beside the target, renamed over it: a full disk or a kill mid-write leaves the old file whole.
    writeFile: (path, content) => writeFileAtomic(path, content, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
  };
}
