import writeFileAtomic from 'write-file-atomic';
import type { CliIo } from './program';

/** A stream's bytes, or undefined as soon as there are more than `maxBytes` (the rest is not read). */
async function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
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
    readStdin: (maxBytes) => readAll(process.stdin, maxBytes),
    // A temporary file beside the target, renamed over it: a full disk or a kill mid-write leaves the old file whole.
    writeFile: (path, content) => writeFileAtomic(path, content, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
  };
}
