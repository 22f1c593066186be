// The credit line's data: a config dataset's source, licence and attribution in the reader's
// language, with links only where the config gives an http(s) one.
import { describe, expect, it } from 'vitest';
import { DatasetEntry } from '../../src/config/dataset-entry';
import { creditsById, datasetCredits } from '../../src/ui/dataset-credits';

const entry = (more: Record<string, unknown>) => DatasetEntry.parse({ id: 'bikes', url: 'bikes.parquet', ...more });

describe('dataset credits', () => {
  it('reads texts and links, in the reader\'s language with the first language as fallback', () => {
    const d = entry({
      source: { name: { en: 'City <b>bikes</b>', es: 'Bicis de la ciudad' }, url: 'https://city.example/bikes' },
      licence: 'CC BY 4.0',
      attribution: [{ text: '© OpenStreetMap', url: 'https://www.openstreetmap.org/copyright' }, { text: { da: 'Kommunen' } }],
    });
    expect(datasetCredits(d, 'es', ['en', 'es', 'da'])).toEqual({
      source: { text: 'Bicis de la ciudad', url: 'https://city.example/bikes' },
      licence: { text: 'CC BY 4.0' },
      attribution: [{ text: '© OpenStreetMap', url: 'https://www.openstreetmap.org/copyright' }, { text: 'Kommunen' }],
    });
    // Text stays text: the markup is the name's characters.
    expect(datasetCredits(d, 'da', ['en', 'es', 'da'])?.source).toEqual({ text: 'City <b>bikes</b>', url: 'https://city.example/bikes' });
  });

  it('gives nothing for a dataset without credits, and keys the others by id', () => {
    expect(datasetCredits(entry({}), 'en', ['en'])).toBeNull();
    const map = creditsById([entry({}), entry({ id: 'tracts', licence: { name: 'ODbL', url: 'https://opendatacommons.org/licenses/odbl/' } })], 'en', ['en']);
    expect([...map.keys()]).toEqual(['tracts']);
    expect(map.get('tracts')).toEqual({ licence: { text: 'ODbL', url: 'https://opendatacommons.org/licenses/odbl/' }, attribution: [] });
  });
});
