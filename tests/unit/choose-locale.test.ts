// The reader's language: `?lang=`, then the config's languages, then the browser's, else English.
import { describe, expect, it } from 'vitest';
import { chooseLocale, matchLocale } from '../../src/i18n';

describe('matchLocale', () => {
  it('takes a tag we have, or its base language, without case', () => {
    expect(matchLocale('es')).toBe('es');
    expect(matchLocale('da-DK')).toBe('da');
    expect(matchLocale('ES-mx')).toBe('es');
    expect(matchLocale('en_GB')).toBe('en');
    expect(matchLocale(' da ')).toBe('da');
  });

  it('has nothing for a language without a catalogue', () => {
    expect(matchLocale('fr')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
    // "dan" is not "da": only the base subtag matches.
    expect(matchLocale('dan')).toBeUndefined();
  });
});

describe('chooseLocale', () => {
  it('?lang= wins over the config and the browser', () => {
    expect(chooseLocale({ search: '?lang=da', configLanguages: ['en', 'es'], browserLanguages: ['es-ES'] })).toBe('da');
    expect(chooseLocale({ search: '?config=x.json&lang=es-AR', configLanguages: ['da'] })).toBe('es');
  });

  it('an unknown or empty ?lang= is passed over', () => {
    expect(chooseLocale({ search: '?lang=fr', configLanguages: ['da'], browserLanguages: ['es'] })).toBe('da');
    expect(chooseLocale({ search: '?lang=', browserLanguages: ['es'] })).toBe('es');
  });

  it('the config: the browser’s preference among its languages, else its first', () => {
    expect(chooseLocale({ configLanguages: ['da', 'en', 'es'], browserLanguages: ['fr-FR', 'es-ES', 'en'] })).toBe('es');
    expect(chooseLocale({ configLanguages: ['da', 'en'], browserLanguages: ['es'] })).toBe('da');
    // The config's languages it has no catalogue for are skipped.
    expect(chooseLocale({ configLanguages: ['fr', 'es'], browserLanguages: ['da'] })).toBe('es');
    expect(chooseLocale({ configLanguages: ['en'], browserLanguages: ['da-DK'] })).toBe('en');
  });

  it('the browser, when the config names no language we have', () => {
    expect(chooseLocale({ configLanguages: ['fr'], browserLanguages: ['fr', 'da-DK', 'es'] })).toBe('da');
    expect(chooseLocale({ browserLanguages: ['es-419'] })).toBe('es');
  });

  it('English when nothing else fits', () => {
    expect(chooseLocale({})).toBe('en');
    expect(chooseLocale({ search: '?lang=de', configLanguages: ['fr'], browserLanguages: ['de', 'fr'] })).toBe('en');
  });
});
