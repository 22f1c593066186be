// A JSON path as people read it in a message: `layers[2].domain[0]`.

/** Keys from the top of a JSON document down to one value (zod's `issue.path`). */
export type JsonPath = readonly PropertyKey[];

/** `['layers', 2, 'domain', 0]` → `layers[2].domain[0]`; '' for the top level. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
