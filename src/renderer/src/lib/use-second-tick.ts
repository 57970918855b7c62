/** Countdowns re-render once a second through one shared ticker (a test provides its own). */
import { createContext, useContext, useSyncExternalStore } from 'react'
import { browserTimers, SecondTicker } from './second-ticker'

export const TickerContext = createContext<SecondTicker>(new SecondTicker(browserTimers))

/** Wall-clock ms, updated every second while the calling component is mounted. */
export function useSecondTick(): number {
  const ticker = useContext(TickerContext)
  return useSyncExternalStore(ticker.subscribe, ticker.now, ticker.now)
}
