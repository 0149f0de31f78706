import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InputFile } from '../input/inputs';
import type { DocumentOutcome } from '../engine/spectral-engine';
import { SuppressionEntry, Suppressions } from '../engine/suppressions';
import { errorMessage, UsageError } from '../shared/errors';
import type { FileLintOptions } from './options';

/** What the files' lints gave, by input index (undefined: skipped), and every file's suppressions with their use. */
export interface LintedFiles {
  outcomes: (DocumentOutcome | undefined)[];
  suppressions: Suppressions;
}

/** What a worker starts with: the options (a ruleset by name, for it to load) and the run's shared file counter. */
export interface WorkerSetup {
  options: FileLintOptions & { ruleset?: string };
  filesRead: SharedArrayBuffer;
}

export type WorkerRequest = { kind: 'lint'; index: number; file: InputFile } | { kind: 'finish' };

/** An error crossing threads: structured cloning keeps neither the class nor a UsageError's hint. */
export interface ThreadError {
  usage: boolean;
  message: string;
  hint?: string;
  stack?: string;
}

export type WorkerResponse =
  | { kind: 'outcome'; index: number; outcome: DocumentOutcome | undefined }
  | { kind: 'error'; error: ThreadError }
  | { kind: 'suppressions'; entries: [string, SuppressionEntry[]][] };

const WORKER_FILE = join(__dirname, 'worker.js');

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof UsageError) return { usage: true, message: error.message, hint: error.hint };
  return { usage: false, message: errorMessage(error), stack: error instanceof Error ? error.stack : undefined };
}

function fromThreadError(error: ThreadError): Error {
  if (error.usage) return new UsageError(error.message, error.hint);
  return Object.assign(new Error(error.message), { stack: error.stack });
}

/** Lints one file in this thread, on this thread's engine, whose suppressions join the workers'. */
export interface LocalLane {
  lint(file: InputFile): Promise<DocumentOutcome | undefined>;
  suppressions: Suppressions;
}

/**
 * Lints `files` in this thread and on `workers` worker threads, each with its own engine: files go one at a time to
 * whichever is free, so one large file does not hold back the rest, and this thread, which has its engine ready,
 * starts at once while the workers start theirs. Outcomes come back by input index, in input order.
 */
export function lintInWorkers(files: readonly InputFile[], setup: WorkerSetup, workers: number, local: LocalLane): Promise<LintedFiles> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<DocumentOutcome | undefined>(files.length);
    const suppressions = new Suppressions();
    const threads: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const thread of threads) void thread.terminate();
      reject(error);
    };
    const laneDone = (entries: Iterable<[string, SuppressionEntry[]]>) => {
      suppressions.merge(entries);
      finished += 1;
      if (finished === workers + 1) resolve({ outcomes, suppressions });
    };
    const feed = (thread: Worker) => {
      const request: WorkerRequest = next < files.length ? { kind: 'lint', index: next, file: files[next] } : { kind: 'finish' };
      next += 1;
      thread.postMessage(request);
    };
    for (let started = 0; started < workers; started += 1) {
      const thread = new Worker(WORKER_FILE, { workerData: setup });
      threads.push(thread);
      let done = false;
      thread.on('message', (response: WorkerResponse) => {
        if (response.kind === 'outcome') {
          outcomes[response.index] = response.outcome;
          feed(thread);
        } else if (response.kind === 'error') {
          fail(fromThreadError(response.error));
        } else {
          done = true;
          void thread.terminate();
          laneDone(response.entries);
        }
      });
      thread.on('error', fail);
      thread.on('exit', (code) => {
        if (!done) fail(new Error(`A lint worker stopped before it finished (exit code ${code}).`));
      });
      feed(thread);
    }
    const lintHere = async () => {
      while (next < files.length && !failed) {
        const index = next;
        next += 1;
        outcomes[index] = await local.lint(files[index]);
      }
      laneDone(local.suppressions.entries());
    };
    lintHere().catch(fail);
  });
}
