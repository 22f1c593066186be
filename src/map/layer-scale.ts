// The colour scale a layer is drawn with, from its spec and data: hotspot classes, a change
// map centred on zero, the spec's classed scale, or the worker's scale for styled points.
// One function for the map, the legend and the CLI's published story layers.
import { colourScale, scaleFromParts, type ColourScale, type ScaleParts } from '../scales/colour';
import { changeScale, classScale } from '../scales/significance';
import { isClassedLayer, type LayerSpec } from '../config/layer';
import { measureValues, type LayerData } from './layer-values';

/**
 * `fixed`: a scale made before (a playback's, over every frame): a classed layer is drawn
 * with it instead of one classed over this data, so its classes and labels stay the same.
 */
export function layerScale(spec: LayerSpec, data: LayerData, fixed?: ScaleParts | null): ColourScale | null {
  const values = measureValues(spec, data);
  const analysis = data.kind === 'cells' || data.kind === 'areas' ? data.analysis : null;
  if (analysis && values) return analysis.kind === 'hotspots' ? classScale('hotspots') : changeScale(values);
  if (values && isClassedLayer(spec) && fixed) return scaleFromParts(fixed);
  if (values && isClassedLayer(spec)) return colourScale(values, { scheme: spec.scheme, classification: spec.classification, classes: spec.classes, domain: spec.domain });
  if (data.kind === 'points' && data.marks.scale) return scaleFromParts(data.marks.scale);
  return null;
}
