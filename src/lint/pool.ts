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

/**
 * Lints `files` on `count` worker threads, each with its own engine: files go one at a time to whichever worker is
 * free, so one large file does not hold back the rest. Outcomes come back by input index, in input order.
 */
export function lintInWorkers(files: readonly InputFile[], setup: WorkerSetup, count: number): Promise<LintedFiles> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<DocumentOutcome | undefined>(files.length);
    const suppressions = new Suppressions();
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      const request: WorkerRequest = next < files.length ? { kind: 'lint', index: next, file: files[next] } : { kind: 'finish' };
      next += 1;
      worker.postMessage(request);
    };
    for (let started = 0; started < count; started += 1) {
      const worker = new Worker(WORKER_FILE, { workerData: setup });
      workers.push(worker);
      let done = false;
      worker.on('message', (response: WorkerResponse) => {
        if (response.kind === 'outcome') {
          outcomes[response.index] = response.outcome;
          feed(worker);
        } else if (response.kind === 'error') {
          fail(fromThreadError(response.error));
        } else {
          done = true;
          suppressions.merge(response.entries);
          void worker.terminate();
          finished += 1;
          if (finished === count) resolve({ outcomes, suppressions });
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!done) fail(new Error(`A lint worker stopped before it finished (exit code ${code}).`));
      });
      feed(worker);
    }
  });
}
