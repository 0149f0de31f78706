import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleset } from '../config/ruleset';
import { createEngine, lintFile } from './lint-file';
import { rulesetLoadOptions } from './options';
import { toThreadError, WorkerRequest, WorkerResponse, WorkerSetup } from './pool';

/** A lint worker thread: one engine, fed one file at a time by lintInWorkers. */
const { options, filesRead } = workerData as WorkerSetup;
const engine = createEngine(
  loadRuleset(options.ruleset, options.cwd, rulesetLoadOptions(options, options.limits)),
  options,
  new Int32Array(filesRead),
);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  const reply = (response: WorkerResponse) => port.postMessage(response);
  if (request.kind === 'finish') {
    reply({ kind: 'suppressions', entries: engine.suppressions.entries() });
    return;
  }
  lintFile(request.file, engine, options).then(
    (outcome) => reply({ kind: 'outcome', index: request.index, outcome }),
    (error: unknown) => reply({ kind: 'error', error: toThreadError(error) }),
  );
});
