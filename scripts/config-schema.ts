// Writes the JSON Schema of the dashboard config (src/config/json-schema.ts) beside the
// config in public/, so `vite build` ships it in dist/ and the dev server serves it.
// Run by `npm run prepare-assets` (start, dev, build) through tsx.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_FILE, dashboardJsonSchema } from '../src/config/json-schema';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'public', CONFIG_SCHEMA_FILE);
writeFileSync(out, `${JSON.stringify(dashboardJsonSchema(), null, 2)}\n`);
console.log(`config-schema: ${path.relative(root, out)}`);
