/** The CLI's bundle entry (scripts/bundle.js): what bin/oasguard.js runs. */
export { run } from './program';
export { nodeIo } from './node-io';
