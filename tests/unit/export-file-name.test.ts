// Export file names: dashboard, layer and date, as lower-case ASCII words.
import { describe, expect, it } from 'vitest';
import { exportFileName, isoDate, slug } from '../../src/ui/export/file-name';

describe('export file names', () => {
  it('carries the dashboard, the layer and the local date', () => {
    const d = new Date(2026, 0, 5, 23, 59);
    expect(isoDate(d)).toBe('2026-01-05');
    expect(exportFileName('CityLens', 'Citi Bike: rows per 500 m hexagon', d, 'csv')).toBe('citylens-citi-bike-rows-per-500-m-hexagon-2026-01-05.csv');
    expect(exportFileName('Tableau de bord', null, d, 'citylens.config.json')).toBe('tableau-de-bord-2026-01-05.citylens.config.json');
  });

  it('folds accents, drops what is not a word, cuts long names at a word', () => {
    expect(slug('Plaintes d’animaux à São Paulo <b>')).toBe('plaintes-d-animaux-a-sao-paulo-b');
    expect(slug('東京')).toBe('untitled');
    const long = slug('where do citi bike stations run empty on weekday mornings in lower manhattan and brooklyn');
    expect(long).toBe('where-do-citi-bike-stations-run-empty-on-weekday-mornings-in');
    expect(long.length).toBeLessThanOrEqual(64);
  });
});
