// The JSON Schema generated from the zod config schema (shipped as
// dist/citylens.config.schema.json): it describes the same keys, kinds and defaults as zod,
// flags unknown keys for editors, and the sample config names it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, dashboardJsonSchema } from '../../src/config/json-schema';
import { DashboardConfig } from '../../src/config/dashboard';
import { LAYER_KINDS } from '../../src/config/layer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Json = Record<string, any>;

describe('the generated JSON Schema', () => {
  const schema: Json = dashboardJsonSchema();

  it('is draft 2020-12 with every top-level key of the zod schema, unknown keys flagged', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(DashboardConfig.shape).sort());
    expect(schema.additionalProperties).toBe(false);
    // Keys with defaults are optional in a file: only the version is required.
    expect(schema.required).toEqual(['version']);
    expect(schema.properties.version).toEqual({ type: 'number', const: 2 });
    expect(schema.properties.minCount).toMatchObject({ type: 'integer', minimum: 0, default: 5 });
  });

  it('lists every layer kind, each with its own settings and descriptions', () => {
    const kinds = schema.properties.layers.items.oneOf.map((o: Json) => o.properties.kind.const);
    expect(kinds.sort()).toEqual([...LAYER_KINDS].sort());
    const hexagon = schema.properties.layers.items.oneOf.find((o: Json) => o.properties.kind.const === 'hexagon');
    expect(hexagon.properties.sizeM).toMatchObject({ type: 'number', default: 500 });
    expect(hexagon.additionalProperties).toBe(false);
    expect(hexagon.properties.opacity.description).toMatch(/opaque/);
  });

  it('describes a text as a string or texts by language tag', () => {
    expect(schema.properties.title.anyOf).toEqual([
      { type: 'string' },
      { type: 'object', propertyNames: expect.objectContaining({ type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), additionalProperties: { type: 'string' } },
    ]);
  });

  it('is what the sample config names in "$schema"', () => {
    const sample = JSON.parse(readFileSync(path.join(root, 'public/citylens.config.json'), 'utf8'));
    expect(sample.$schema).toBe(CONFIG_SCHEMA_FILE);
    // Every key the sample uses is one the schema describes.
    for (const key of Object.keys(sample)) expect(schema.properties, key).toHaveProperty([key]);
  });
});
