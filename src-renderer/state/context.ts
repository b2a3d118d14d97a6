/** The store, provided once at the root and read with selectors. */
import { createContext, useContext } from 'react';
import { useStore as useZustand } from 'zustand';
import type { AppState, AppStore } from './store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext>');
  return useZustand(store, selector);
}
