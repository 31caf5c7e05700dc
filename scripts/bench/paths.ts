// Where the benchmark finds the project, the shared data and its saved pages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '../..');
export const SHARED_DATA = path.resolve(PROJECT_ROOT, '../shared/data');
export const BENCH_FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/bench');
export const DIST = path.join(PROJECT_ROOT, 'dist/chrome');
