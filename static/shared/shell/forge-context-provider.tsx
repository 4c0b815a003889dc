import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { ForgeContext } from '../bridge/forge-context';

const Ctx = createContext<ForgeContext | null>(null);

export function ForgeContextProvider(props: { value: ForgeContext; children: ReactNode }) {
  return <Ctx.Provider value={props.value}>{props.children}</Ctx.Provider>;
}

/**
 * The Forge context (`view.getContext()`, parsed) of this page. The shell loads it before the page
 * renders, so it is always there.
 */
export function useForgeContext(): ForgeContext {
  const value = useContext(Ctx);
  if (value === null) throw new Error('useForgeContext used outside the app shell (mount the page with bootPage).');
  return value;
}
