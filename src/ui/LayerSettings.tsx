// One layer's settings: what it aggregates and how it is coloured. Every control is a
// labelled native form element, so the panel works with a keyboard and a screen reader.
import type { AggregateStat, DatasetInfo } from '../engine/protocol';
import { CLASSIFICATIONS, type Classification } from '../scales/classify';
import { SCHEMES, type SchemeName } from '../scales/colour';
import { STAT_LABELS } from '../map/layer-spec';
import { isAggregateLayer, isCellLayer, isClassedLayer, type LayerKind, type LayerPatch, type LayerSpec } from '../config/layer';
import type { Measure } from '../config/layer-settings';
import { populationColumn } from '../engine/column-roles';

export const KIND_LABELS: Record<LayerKind, string> = {
  points: 'Points',
  hexagon: 'Hexagons',
  grid: 'Square grid',
  h3: 'H3 cells',
  districts: 'Choropleth',
  choropleth: 'Choropleth',
  outlines: 'Outlines',
  lines: 'Lines',
  heatmap: 'Heatmap',
};

interface Props {
  spec: LayerSpec;
  datasets: DatasetInfo[];
  onChange: (patch: LayerPatch) => void;
}

export function LayerSettings({ spec, datasets, onChange }: Props) {
  const dataset = datasets.find((d) => d.id === spec.dataset);
  const numeric = dataset?.columns.filter((c) => c.kind === 'number' && !c.internal) ?? [];
  const polygons = datasets.filter((d) => d.geometry.kind === 'polygon' || d.geometry.hasPolygons);
  const colourColumn = spec.kind === 'points' ? dataset?.columns.find((c) => c.name === spec.colorBy) : undefined;
  const coloured = isAggregateLayer(spec) || spec.kind === 'choropleth' || colourColumn?.kind === 'number';
  const styleColumns = dataset?.columns.filter((c) => !c.internal && ['number', 'string', 'boolean'].includes(c.kind)) ?? [];
  const id = (name: string) => `${spec.id}-${name}`;
  const districts = spec.kind === 'districts' ? polygons.find((d) => d.id === spec.districts) : undefined;
  const hasPopulation = !!districts && populationColumn(districts.columns) !== null;

  return (
    <div className="settings">
      {spec.kind === 'points' && (
        <>
          <label htmlFor={id('colorby')}>
            Colour by
            <select id={id('colorby')} value={spec.colorBy ?? ''} onChange={(e) => onChange({ colorBy: e.target.value || undefined })}>
              <option value="">One colour</option>
              {styleColumns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
          <label htmlFor={id('sizeby')}>
            Size by
            <select id={id('sizeby')} value={spec.sizeBy ?? ''} onChange={(e) => onChange({ sizeBy: e.target.value || undefined })}>
              <option value="">One size</option>
              {numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
        </>
      )}
      {isCellLayer(spec) && (
        <label htmlFor={id('size')}>
          Cell size (m)
          <input id={id('size')} type="number" min={10} max={50000} step={50} value={spec.sizeM}
            onChange={(e) => Number(e.target.value) >= 10 && onChange({ sizeM: Number(e.target.value) })} />
        </label>
      )}
      {spec.kind === 'h3' && (
        <label htmlFor={id('res')}>
          H3 resolution
          <input id={id('res')} type="number" min={0} max={15} value={spec.resolution}
            onChange={(e) => onChange({ resolution: Math.min(15, Math.max(0, Number(e.target.value))) })} />
        </label>
      )}
      {spec.kind === 'districts' && (
        <label htmlFor={id('districts')}>
          Districts
          <select id={id('districts')} value={spec.districts} onChange={(e) => onChange({ districts: e.target.value })}>
            {polygons.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      )}
      {spec.kind === 'choropleth' && (
        <label htmlFor={id('column')}>
          Column
          <select id={id('column')} value={spec.column} onChange={(e) => onChange({ column: e.target.value })}>
            {numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
      )}
      {isAggregateLayer(spec) && (
        <>
          <label htmlFor={id('stat')}>
            Statistic
            <select id={id('stat')} value={spec.stat}
              onChange={(e) => {
                const stat = e.target.value as AggregateStat;
                onChange({ stat, value: stat === 'count' ? undefined : spec.value ?? numeric[0]?.name });
              }}>
              {Object.entries(STAT_LABELS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
            </select>
          </label>
          {spec.stat !== 'count' && (
            <label htmlFor={id('value')}>
              Of column
              <select id={id('value')} value={spec.value ?? ''} onChange={(e) => onChange({ value: e.target.value })}>
                {(spec.stat === 'distinct' ? dataset?.columns.filter((c) => !c.internal) ?? [] : numeric).map((c) => (
                  <option key={c.name} value={c.name}>{c.name}</option>
                ))}
              </select>
            </label>
          )}
          <label htmlFor={id('measure')}>
            Show
            <select id={id('measure')} value={spec.measure} onChange={(e) => onChange({ measure: e.target.value as Measure })}>
              <option value="value">The statistic</option>
              <option value="perKm2">Per km²</option>
              {hasPopulation && <option value="per1000">Per 1,000 residents</option>}
            </select>
          </label>
        </>
      )}
      {coloured && isClassedLayer(spec) && (
        <>
          <label htmlFor={id('class')}>
            Classes
            <select id={id('class')} value={spec.classification} onChange={(e) => onChange({ classification: e.target.value as Classification })}>
              {CLASSIFICATIONS.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          </label>
          {spec.classification !== 'linear' && (
            <label htmlFor={id('classes')}>
              Number of classes
              <input id={id('classes')} type="number" min={2} max={9} value={spec.classes}
                onChange={(e) => onChange({ classes: Math.min(9, Math.max(2, Number(e.target.value))) })} />
            </label>
          )}
          <label htmlFor={id('scheme')}>
            Colours
            <select id={id('scheme')} value={spec.scheme} onChange={(e) => onChange({ scheme: e.target.value as SchemeName })}>
              {Object.entries(SCHEMES).map(([k, s]) => <option key={k} value={k}>{s.label}</option>)}
            </select>
          </label>
          <fieldset className="domain">
            <legend>Fixed colour range</legend>
            <label>
              <input type="checkbox" checked={!!spec.domain}
                onChange={(e) => onChange({ domain: e.target.checked ? [0, 100] : undefined })} />
              Fix
            </label>
            {spec.domain && (
              <>
                <label>From <input type="number" value={spec.domain[0]} onChange={(e) => onChange({ domain: [Number(e.target.value), spec.domain![1]] })} /></label>
                <label>to <input type="number" value={spec.domain[1]} onChange={(e) => onChange({ domain: [spec.domain![0], Number(e.target.value)] })} /></label>
              </>
            )}
          </fieldset>
        </>
      )}
      {isCellLayer(spec) && (
        <label>
          <input type="checkbox" checked={spec.extruded} onChange={(e) => onChange({ extruded: e.target.checked })} />
          3D columns
        </label>
      )}
    </div>
  );
}
