// A neighbour rule as the CLI writes it, for method texts, legends and links.
import type { NeighbourRule } from '../protocol';

/** The rule as text (`ring:1`, `knn:8`, `band:500`, `queen`), as the CLI writes it. */
export function ruleText(rule: NeighbourRule): string {
  if (rule.kind === 'ring' || rule.kind === 'knn') return `${rule.kind}:${rule.k}`;
  if (rule.kind === 'band') return `band:${rule.metres}`;
  return rule.kind;
}
