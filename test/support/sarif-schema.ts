import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Validates a log against the official SARIF 2.1.0 schema; `validate.errors` says why it failed. */
export const validateSarif = ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
