// The JSON Schema of the dashboard config, generated from the zod schema (zod 4's
// toJSONSchema) so that editors complete and check citylens.config.json. The build writes
// it beside the config (scripts/config-schema.ts); the config names it in "$schema".
import { z } from 'zod';
import { CONFIG_VERSION, DashboardConfig } from './dashboard';

/** The file name the schema ships under, beside the config. */
export const CONFIG_SCHEMA_FILE = 'citylens.config.schema.json';

/** The JSON Schema (draft 2020-12) of what a config file may hold. */
export function dashboardJsonSchema(): Record<string, unknown> {
  // 'input': what a file may say (defaults make keys optional), not what parsing returns.
  const schema = z.toJSONSchema(DashboardConfig, {
    io: 'input',
    target: 'draft-2020-12',
    // The app warns about unknown keys (a typo matters); so do editors.
    override: (ctx) => {
      const json = ctx.jsonSchema;
      if (ctx.zodSchema._zod.def.type === 'object' && json.type === 'object' && json.additionalProperties === undefined) json.additionalProperties = false;
    },
  });
  return { ...schema, title: `CityLens dashboard config, version ${CONFIG_VERSION}` };
}
