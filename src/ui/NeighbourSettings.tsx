// The hotspot layer's neighbour rule: the kind (ring, knn, band for cells; queen, rook,
// knn, band for districts) and its number (k steps, k nearest, metres), as native
// labelled controls. Out-of-range numbers are clamped to what the layer schema accepts.
import type { AggregateLayerSpec } from '../config/layer';
import type { HotspotAnalysis } from '../config/analysis';
import { useT } from '../i18n';

type Rule = NonNullable<HotspotAnalysis['neighbours']>;
type RuleKind = Rule['kind'];

interface Props {
  spec: AggregateLayerSpec;
  rule: HotspotAnalysis['neighbours'];
  onChange: (rule: Rule) => void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The band a layer starts with: two cells across, or 2 km between district centres. */
function defaultBandM(spec: AggregateLayerSpec): number {
  return spec.kind === 'grid' || spec.kind === 'hexagon' ? 2 * spec.sizeM : 2000;
}

function ruleOfKind(kind: RuleKind, spec: AggregateLayerSpec): Rule {
  if (kind === 'ring') return { kind, k: 1 };
  if (kind === 'knn') return { kind, k: 8 };
  if (kind === 'band') return { kind, metres: defaultBandM(spec) };
  return { kind };
}

export function NeighbourSettings({ spec, rule, onChange }: Props) {
  const t = useT();
  const districts = spec.kind === 'districts';
  const kinds: RuleKind[] = districts ? ['queen', 'rook', 'knn', 'band'] : ['ring', 'knn', 'band'];
  const current: Rule = rule ?? (districts ? { kind: 'queen' } : { kind: 'ring', k: 1 });
  const label: Record<RuleKind, string> = {
    ring: t('analysis.ruleKind.ring'),
    knn: t('analysis.ruleKind.knn'),
    band: t('analysis.ruleKind.band'),
    queen: t('analysis.rule.queen'),
    rook: t('analysis.rule.rook'),
  };
  const id = (name: string) => `${spec.id}-analysis-${name}`;
  return (
    <>
      <label htmlFor={id('neighbours')}>
        {t('analysis.neighbours')}
        <select id={id('neighbours')} value={current.kind} onChange={(e) => onChange(ruleOfKind(e.target.value as RuleKind, spec))}>
          {kinds.map((k) => <option key={k} value={k}>{label[k]}</option>)}
        </select>
      </label>
      {(current.kind === 'ring' || current.kind === 'knn') && (
        <label htmlFor={id('k')}>
          {current.kind === 'ring' ? t('analysis.ringSteps') : t('analysis.knnCount')}
          <input id={id('k')} type="number" min={1} max={current.kind === 'ring' ? 10 : 100} step={1} value={current.k}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber)
              && onChange({ kind: current.kind, k: clamp(Math.round(e.target.valueAsNumber), 1, current.kind === 'ring' ? 10 : 100) })} />
        </label>
      )}
      {current.kind === 'band' && (
        <label htmlFor={id('band')}>
          {t('analysis.bandMetres')}
          <input id={id('band')} type="number" min={1} max={1_000_000} step={50} value={current.metres}
            onChange={(e) => e.target.valueAsNumber > 0 && onChange({ kind: 'band', metres: Math.min(1_000_000, e.target.valueAsNumber) })} />
        </label>
      )}
    </>
  );
}
