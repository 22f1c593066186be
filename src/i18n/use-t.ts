// useT(): t() for React components, which render again when the locale changes.
import { useSyncExternalStore } from 'react';
import { getLocale, subscribeLocale } from './locale';
import { t } from './t';

/** Subscribe the component to the active locale and return t(). */
export function useT(): typeof t {
  useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  return t;
}
