// The URL codec: a link holds the page's state as changes against the config, round-trips
// exactly, stays short, reads old links, and a link that no longer fits says what it dropped.
import { describe, expect, it } from 'vitest';
import { createLayer, updateLayer, type LayerSpec } from '../../src/config/layer';
import { decodePayload, encodeLink, encodePayload, linkHref, readLink, roundView, type PageState } from '../../src/config/url-state';
import { applyLayerChanges } from '../../src/config/url-layers';

const BIKES = 'nyc_citibike_station_status_2024-03';
const ANIMALS = 'nyc_311_animal_complaints_2025';
const TRACTS = 'nyc_census_tracts_2010';

/** The sample dashboard's four layers, as the app suggests them for its two point datasets. */
function sampleLayers(): LayerSpec[] {
  return [
    createLayer('points', ANIMALS, { title: 'NYC 311 animal complaints 2025: points' }),
    createLayer('hexagon', ANIMALS, { title: 'NYC 311 animal complaints 2025: rows per 500 m hexagon', sizeM: 500, opacity: 0.7 }),
    createLayer('points', BIKES, { title: 'Citi Bike station status, March 2024: points' }),
    createLayer('hexagon', BIKES, { title: 'Citi Bike station status, March 2024: rows per 500 m hexagon', sizeM: 500, opacity: 0.7 }),
  ];
}

const base = (layers = sampleLayers()): PageState => ({
  view: { center: [-73.96, 40.74], zoom: 10.6 },
  basemap: 'manhattan',
  sources: [{ entry: BIKES }, { entry: ANIMALS }],
  layers,
});

const page = (href: string) => `https://city.example/a/b/${href}`;
const loaded = new Set([BIKES, ANIMALS, TRACTS]);

/** Opens the link the way the app does: read it, then apply its layers to the base. */
async function reopen(hash: string, b: PageState) {
  const read = await readLink(page(hash));
  const applied = read.link.layers ? applyLayerChanges(b.layers, read.link.layers, loaded) : { layers: b.layers, dropped: [] };
  return { ...read, ...applied };
}

describe('url state codec', () => {
  it('writes nothing for the config as it is', async () => {
    expect(await encodeLink(base(), base())).toBe('');
  });

  it('restores view, basemap, datasets and every layer setting exactly', async () => {
    const [pts, hex, bikePts, bikeHex] = sampleLayers();
    const layers: LayerSpec[] = [
      updateLayer(bikeHex, { stat: 'mean', value: 'num_bikes_available', classes: 7, scheme: 'magma', domain: [0, 25.5] }),
      updateLayer(bikePts, { visible: false }),
      createLayer('districts', ANIMALS, { title: 'Complaints <b>per</b> tract', districts: TRACTS, measure: 'per1000', taken: [] }),
      pts,
      updateLayer(hex, { sizeM: 250, opacity: 0.35, extruded: true }),
    ];
    const state: PageState = {
      view: { center: [-73.987654321, 40.7512345], zoom: 13.456, bearing: 12.34, pitch: 40 },
      basemap: 'none',
      sources: [{ entry: BIKES }, { entry: ANIMALS }, { url: 'data/sample/nyc_census_tracts_2010.geojson' }],
      layers,
    };
    const hash = await encodeLink(state, base());
    const back = await reopen(hash, base());
    expect(back.problems).toEqual([]);
    expect(back.dropped).toEqual([]);
    expect(back.link.view).toEqual({ center: [-73.98765, 40.75123], zoom: 13.46, bearing: 12.3, pitch: 40 });
    expect(back.link.basemap).toBe('none');
    expect(back.link.sources).toEqual(state.sources);
    expect(back.layers).toEqual(layers);
    // A fixed point: the restored page writes the same link.
    expect(await encodeLink({ ...state, view: back.link.view!, layers: back.layers }, base())).toBe(hash);
  });

  it('keeps only what changed: one toggled layer is an id and one setting', async () => {
    const layers = sampleLayers().map((l, i) => (i === 2 ? updateLayer(l, { visible: false }) : l));
    const hash = await encodeLink({ ...base(), layers }, base());
    const s = new URLSearchParams(hash.slice(1)).get('s')!;
    expect(await decodePayload(s)).toEqual({
      l: [`points-${ANIMALS}`, `hexagon-${ANIMALS}`, { i: `points-${BIKES}`, visible: false }, `hexagon-${BIKES}`],
    });
  });

  it('carries a layer’s own hours and weekdays: set, changed and cleared', async () => {
    const mornings = { hours: { from: 7, to: 10 }, days: [1, 2, 3, 4, 5] };
    const withRhythm = sampleLayers().map((l, i) => (i === 3 ? updateLayer(l, { rhythm: mornings }) : l));
    const set = await encodeLink({ ...base(), layers: withRhythm }, base());
    expect((await reopen(set, base())).layers).toEqual(withRhythm);
    // Against a base that has it: a change is the one setting, a clear is null.
    const nights = withRhythm.map((l, i) => (i === 3 ? updateLayer(l, { rhythm: { hours: { from: 22, to: 2 } } }) : l));
    const changed = await encodeLink({ ...base(), layers: nights }, base(withRhythm));
    expect(await decodePayload(new URLSearchParams(changed.slice(1)).get('s')!)).toEqual({
      l: [`points-${ANIMALS}`, `hexagon-${ANIMALS}`, `points-${BIKES}`, { i: `hexagon-${BIKES}`, rhythm: { hours: { from: 22, to: 2 } } }],
    });
    expect((await reopen(changed, base(withRhythm))).layers).toEqual(nights);
    const cleared = sampleLayers();
    expect((await reopen(await encodeLink({ ...base(), layers: cleared }, base(withRhythm)), base(withRhythm))).layers).toEqual(cleared);
  });

  it('keeps the sample dashboard with four changed layers under 2,000 characters, even with no base to diff against', async () => {
    const changed = sampleLayers().map((l) =>
      updateLayer(l, { stat: 'share', share: { kind: 'in', column: 'num_bikes_available', values: [0] }, classes: 6, visible: false, opacity: 0.55 }));
    expect(changed.filter((l) => l.kind === 'hexagon' && l.stat === 'share' && !l.visible)).toHaveLength(2);
    const state: PageState = {
      view: { center: [-73.98765, 40.75123], zoom: 13.46 },
      basemap: 'openfreemap-positron',
      sources: [{ url: 'data/sample/nyc_citibike_station_status_2024-03.parquet' }, { url: 'data/sample/nyc_311_animal_complaints_2025.csv' }],
      layers: changed,
    };
    const noBase: PageState = { ...base([]), sources: [] };
    for (const b of [base(), noBase]) {
      const href = linkHref(page('?config=citylens.config.json'), await encodeLink(state, b));
      expect(href.length).toBeLessThan(2000);
      const back = await reopen(new URL(href).search + new URL(href).hash, b);
      expect(back.layers).toEqual(changed);
    }
  });

  it('deflates a long payload and inflates it back', async () => {
    const value = { l: Array.from({ length: 40 }, (_, i) => ({ i: `layer-${i}`, title: `Layer number ${i}` })) };
    const text = await encodePayload(value);
    expect(text[0]).toBe('z');
    expect(text.length).toBeLessThan(JSON.stringify(value).length);
    expect(await decodePayload(text)).toEqual(value);
    expect((await encodePayload({ d: ['e:x'] }))[0]).toBe('j');
  });

  it('reads old links: MapLibre hash, ?basemap=, ?data=, and writes them in the new form', async () => {
    const href = page('?config=c.json&data=data/a.csv&data=https://data.example.org/b.parquet&basemap=florence#14.5/40.7/-73.99/10/30');
    const { link, legacy, problems } = await readLink(href);
    expect(legacy).toBe(true);
    expect(problems).toEqual([]);
    expect(link).toEqual({
      view: { center: [-73.99, 40.7], zoom: 14.5, bearing: 10, pitch: 30 },
      basemap: 'florence',
      sources: [{ url: 'data/a.csv' }, { url: 'https://data.example.org/b.parquet' }],
    });
    expect(linkHref(href, '#map=14.5/40.7/-73.99')).toBe(page('?config=c.json#map=14.5/40.7/-73.99'));
    expect(linkHref(page('?data=x.csv#3/1/2'), '')).toBe(page(''));
  });

  it('loads what still fits a changed dashboard and says what was dropped', async () => {
    const [pts, hex, bikePts, bikeHex] = sampleLayers();
    const state = { ...base(), layers: [updateLayer(bikeHex, { stat: 'max', value: 'num_docks_available' }), bikePts, hex, pts] };
    const hash = await encodeLink(state, base());
    // The config no longer has the Citi Bike hexagons.
    const without = base([pts, hex, bikePts]);
    const back = await reopen(hash, without);
    expect(back.layers.map((l) => l.id)).toEqual([bikePts.id, hex.id, pts.id]);
    expect(back.dropped).toEqual([`The link’s layer “hexagon-${BIKES}” is no longer in this dashboard: left out`]);
  });

  it('drops a layer with a setting the schema refuses, or over a dataset not loaded, and keeps the rest', () => {
    const [pts, hex] = sampleLayers();
    const applied = applyLayerChanges([pts, hex], [
      { i: hex.id, stat: 'wobble' },
      { kind: 'hexagon', id: 'hx', dataset: 'gone', title: 'Gone hexagons' },
      pts.id,
      pts.id,
      42 as unknown as string,
    ], loaded);
    expect(applied.layers).toEqual([pts]);
    expect(applied.dropped).toHaveLength(4);
    expect(applied.dropped[0]).toMatch(new RegExp(`^The link’s layer “${hex.id}” was left out: stat: `));
    expect(applied.dropped[1]).toBe('The link’s layer “Gone hexagons” was left out: its dataset “gone” is not loaded');
    expect(applied.dropped[2]).toBe(`The link names the layer “${pts.id}” twice: the second was left out`);
    expect(applied.dropped[3]).toBe('The link’s layer “#5” was left out: not a layer');
  });

  it('refuses a cut or forged payload with one message, and a bad view', async () => {
    const good = await encodeLink({ ...base(), layers: sampleLayers().slice(1) }, base());
    const cut = good.slice(0, -7);
    expect((await readLink(page(cut))).problems).toEqual([
      'The link’s layers and datasets could not be read (the link may be cut short): the dashboard opens as its config has it',
    ]);
    const read = await readLink(page('#map=99/1/2&s=j!!'));
    expect(read.link).toEqual({});
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(/“99\/1\/2” is not one/);
  });

  it('refuses a payload that would inflate past 512 KiB', async () => {
    const bomb = JSON.stringify({ l: ['x'.repeat(2_000_000)] });
    const packed = new Uint8Array(await new Response(new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const b64 = Buffer.from(packed).toString('base64url');
    expect(b64.length).toBeLessThan(4000);
    await expect(decodePayload(`z${b64}`)).rejects.toThrow(/too large/);
  });

  it('rounds views to what the link holds', () => {
    expect(roundView({ center: [1.234567, -2.345678], zoom: 3.14159, bearing: 0.04, pitch: 0 })).toEqual({ center: [1.23457, -2.34568], zoom: 3.14 });
  });
});
