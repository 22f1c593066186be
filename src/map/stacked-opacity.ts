// Draws a mark that stands for n identical points with the opacity n stacked copies
// would have: over any background, n layers of colour c at alpha a blend to
// bg·(1 − a)ⁿ + c·(1 − (1 − a)ⁿ), which is one layer at alpha 1 − (1 − a)ⁿ. So the
// worker can merge identical rows (src/engine/point-marks.ts) without changing the picture.
import { LayerExtension, type Layer } from '@deck.gl/core';

export class StackedOpacityExtension extends LayerExtension {
  static override extensionName = 'StackedOpacityExtension';
  static override defaultProps = { getStackCount: { type: 'accessor', value: 1 } };

  override getShaders() {
    return {
      inject: {
        'vs:#decl': 'in float instanceStackCounts;\nout float vStackCount;',
        'vs:#main-end': 'vStackCount = max(instanceStackCounts, 1.0);',
        'fs:#decl': 'in float vStackCount;',
        // Per pixel, after the layer's opacity and the anti-aliased edge: exactly what
        // n copies would each have blended there.
        'fs:DECKGL_FILTER_COLOR': 'color.a = 1.0 - pow(1.0 - color.a, vStackCount);',
      },
    };
  }

  override initializeState(this: Layer) {
    this.getAttributeManager()?.addInstanced({
      instanceStackCounts: { size: 1, accessor: 'getStackCount', defaultValue: 1 },
    });
  }
}
