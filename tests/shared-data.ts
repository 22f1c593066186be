// Real data lives beside the project in ../shared/data (never committed here).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SHARED_DATA = process.env.CITYLENS_SHARED_DATA ?? path.resolve(root, '../shared/data');
export const hasSharedData = existsSync(path.join(SHARED_DATA, 'README.md'));

if (!hasSharedData && process.env.CI) {
  throw new Error(`shared data not found at ${SHARED_DATA}; set CITYLENS_SHARED_DATA`);
}

export function sharedFile(name: string): string {
  return path.join(SHARED_DATA, name);
}
