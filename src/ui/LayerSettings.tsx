// One layer's settings: what it aggregates and how it is coloured. Every control is a
// labelled native form element, so the panel works with a keyboard and a screen reader.
import type { AggregateStat, DatasetInfo } from '../engine/protocol';
import { CLASSIFICATIONS, type Classification } from '../scales/classify';
import { SCHEME_NAMES, type SchemeName } from '../scales/colour';
import { STATS, statLabel } from '../map/layer-labels';
import { isAggregateLayer, isCellLayer, isClassedLayer, type LayerKind, type LayerPatch, type LayerSpec } from '../config/layer';
import type { Measure } from '../config/layer-settings';
import { populationColumn } from '../engine/column-roles';
import { t, useT } from '../i18n';
import { AnalysisSettings } from './AnalysisSettings';
import { RhythmFilters } from './time/RhythmFilters';
import type { LayerRhythm } from '../config/layer-rhythm';

/** The filters as a layer stores them: left out when they keep every hour of every day. */
function layerRhythm(p: LayerRhythm): LayerRhythm | undefined {
  const out: LayerRhythm = {};
  if (p.hours) out.hours = { from: Math.round(p.hours.from), to: Math.round(p.hours.to) };
  if (p.days && p.days.length < 7) out.days = p.days;
  return out.hours || out.days ? out : undefined;
}

/** A layer kind's name in the layer list and the add-layer form: "Hexagons", "Square grid", … */
export function kindLabel(kind: LayerKind): string {
  return t(`layers.kind.${kind}`);
}

interface Props {
  spec: LayerSpec;
  datasets: DatasetInfo[];
  onChange: (patch: LayerPatch) => void;
}

export function LayerSettings({ spec, datasets, onChange }: Props) {
  const t = useT();
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
            {t('settings.colourBy')}
            <select id={id('colorby')} value={spec.colorBy ?? ''} onChange={(e) => onChange({ colorBy: e.target.value || undefined })}>
              <option value="">{t('settings.oneColour')}</option>
              {styleColumns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
          <label htmlFor={id('sizeby')}>
            {t('settings.sizeBy')}
            <select id={id('sizeby')} value={spec.sizeBy ?? ''} onChange={(e) => onChange({ sizeBy: e.target.value || undefined })}>
              <option value="">{t('settings.oneSize')}</option>
              {numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
            </select>
          </label>
        </>
      )}
      {isCellLayer(spec) && (
        <label htmlFor={id('size')}>
          {t('settings.cellSize')}
          <input id={id('size')} type="number" min={10} max={50000} step={50} value={spec.sizeM}
            onChange={(e) => Number(e.target.value) >= 10 && onChange({ sizeM: Number(e.target.value) })} />
        </label>
      )}
      {spec.kind === 'h3' && (
        <label htmlFor={id('res')}>
          {t('settings.h3Resolution')}
          <input id={id('res')} type="number" min={0} max={15} value={spec.resolution}
            onChange={(e) => onChange({ resolution: Math.min(15, Math.max(0, Number(e.target.value))) })} />
        </label>
      )}
      {spec.kind === 'districts' && (
        <label htmlFor={id('districts')}>
          {t('settings.districts')}
          <select id={id('districts')} value={spec.districts} onChange={(e) => onChange({ districts: e.target.value })}>
            {polygons.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      )}
      {spec.kind === 'choropleth' && (
        <label htmlFor={id('column')}>
          {t('settings.column')}
          <select id={id('column')} value={spec.column} onChange={(e) => onChange({ column: e.target.value })}>
            {numeric.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
      )}
      {isAggregateLayer(spec) && (
        <>
          <label htmlFor={id('stat')}>
            {t('settings.statistic')}
            <select id={id('stat')} value={spec.stat}
              onChange={(e) => {
                const stat = e.target.value as AggregateStat;
                onChange({ stat, value: stat === 'count' || stat === 'share' ? undefined : spec.value ?? numeric[0]?.name });
              }}>
              {STATS.map((k) => <option key={k} value={k}>{statLabel(k)}</option>)}
            </select>
          </label>
          {spec.stat !== 'count' && spec.stat !== 'share' && (
            <label htmlFor={id('value')}>
              {t('settings.ofColumn')}
              <select id={id('value')} value={spec.value ?? ''} onChange={(e) => onChange({ value: e.target.value })}>
                {(spec.stat === 'distinct' ? dataset?.columns.filter((c) => !c.internal) ?? [] : numeric).map((c) => (
                  <option key={c.name} value={c.name}>{c.name}</option>
                ))}
              </select>
            </label>
          )}
          <label htmlFor={id('measure')}>
            {t('settings.show')}
            <select id={id('measure')} value={spec.measure} onChange={(e) => onChange({ measure: e.target.value as Measure })}>
              <option value="value">{t('settings.measure.value')}</option>
              <option value="perKm2">{t('settings.measure.perKm2')}</option>
              {hasPopulation && <option value="per1000">{t('settings.measure.per1000')}</option>}
            </select>
          </label>
          <AnalysisSettings spec={spec} dataset={dataset} onChange={onChange} />
          {/* A layer's own hours and weekdays, on the dataset's time column (its timeline's clock). */}
          {!!dataset?.timeColumns?.length && (
            <RhythmFilters id={id('rhythm')} legend={t('layers.rhythm')} hint={t('layers.rhythmHint')} state={spec.rhythm ?? {}}
              onChange={(p) => onChange({ rhythm: layerRhythm(p) })} />
          )}
        </>
      )}
      {/* Hotspot and change maps have fixed, diverging colours. */}
      {coloured && isClassedLayer(spec) && !(isAggregateLayer(spec) && spec.analysis) && (
        <>
          <label htmlFor={id('class')}>
            {t('settings.classes')}
            <select id={id('class')} value={spec.classification} onChange={(e) => onChange({ classification: e.target.value as Classification })}>
              {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{t(`scales.classification.${c}`)}</option>)}
            </select>
          </label>
          {spec.classification !== 'linear' && (
            <label htmlFor={id('classes')}>
              {t('settings.classCount')}
              <input id={id('classes')} type="number" min={2} max={9} value={spec.classes}
                onChange={(e) => onChange({ classes: Math.min(9, Math.max(2, Number(e.target.value))) })} />
            </label>
          )}
          <label htmlFor={id('scheme')}>
            {t('settings.colours')}
            <select id={id('scheme')} value={spec.scheme} onChange={(e) => onChange({ scheme: e.target.value as SchemeName })}>
              {SCHEME_NAMES.map((k) => <option key={k} value={k}>{t(`scales.scheme.${k}`)}</option>)}
            </select>
          </label>
          <fieldset className="domain">
            <legend>{t('settings.fixedRange')}</legend>
            <label>
              <input type="checkbox" checked={!!spec.domain}
                onChange={(e) => onChange({ domain: e.target.checked ? [0, 100] : undefined })} />
              {t('settings.fix')}
            </label>
            {spec.domain && (
              <>
                <label>{t('settings.from')} <input type="number" value={spec.domain[0]} onChange={(e) => onChange({ domain: [Number(e.target.value), spec.domain![1]] })} /></label>
                <label>{t('settings.to')} <input type="number" value={spec.domain[1]} onChange={(e) => onChange({ domain: [spec.domain![0], Number(e.target.value)] })} /></label>
              </>
            )}
          </fieldset>
        </>
      )}
      {isCellLayer(spec) && (
        <label>
          <input type="checkbox" checked={spec.extruded} onChange={(e) => onChange({ extruded: e.target.checked })} />
          {t('settings.extruded')}
        </label>
      )}
    </div>
  );
}
