// @vitest-environment happy-dom
/**
 * The dashboard with 200 profiles, rendered for real (react-dom in a DOM): one profile's sample,
 * or one profile's status, re-renders that profile's card and no other. Each card is wrapped in a
 * React Profiler, whose onRender fires whenever anything inside the card renders.
 */
import { act, createElement, type ComponentProps } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TransportContext } from '../../../src/renderer/src/api/transport-context'
import { Dashboard } from '../../../src/renderer/src/features/dashboard/dashboard'
import { useStore } from '../../../src/renderer/src/stores/store'
import { fakeTransport } from './event-bridge-fixture'
import { healthView } from './health-fixture'
import { profile, sample, stats, status } from './store-fixture'

const commits = vi.hoisted(() => new Map<string, number>())

vi.mock('../../../src/renderer/src/features/dashboard/fleet-card', async (importOriginal) => {
  const real =
    await importOriginal<typeof import('../../../src/renderer/src/features/dashboard/fleet-card')>()
  const react = await import('react')
  type Props = ComponentProps<typeof real.FleetCard>
  const Counted = react.memo(function Counted(props: Props) {
    return react.createElement(
      react.Profiler,
      { id: props.id, onRender: (id: string) => commits.set(id, (commits.get(id) ?? 0) + 1) },
      react.createElement(real.FleetCard, props),
    )
  })
  return { ...real, FleetCard: Counted }
})

/** Every card is on screen (happy-dom's IntersectionObserver never reports). */
class VisibleObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.callback([{ isIntersecting: true, target } as IntersectionObserverEntry], this as never)
  }
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return []
  }
}

const ids = Array.from({ length: 200 }, (_, i) => `p${i}`)
let root: Root
let container: HTMLElement

beforeEach(async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  vi.stubGlobal('IntersectionObserver', VisibleObserver)
  useStore.setState(useStore.getInitialState(), true)
  const store = useStore.getState()
  store.setProfiles(
    ids.map((id, i) => profile(id, { name: `db ${i}`, group: i % 2 ? 'odd' : 'even' })),
  )
  store.mergeStatuses(
    ids.map((id) => status(id, 'connected', 1, { health: healthView({ latencyMs: 1 }) })),
  )
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  const { transport } = fakeTransport('connected')
  await act(async () => {
    root.render(
      createElement(TransportContext.Provider, { value: transport }, createElement(Dashboard)),
    )
  })
  commits.clear()
})

afterEach(async () => {
  await act(async () => root.unmount())
  container.remove()
  vi.unstubAllGlobals()
})

const rendered = () => [...commits.keys()].sort()

describe('dashboard: per-card subscriptions', () => {
  it('renders all 200 cards', () => {
    expect(container.querySelectorAll('[data-testid="profile-card"]')).toHaveLength(200)
  })

  it('one profile’s sample re-renders only its card, and shows its figures', async () => {
    await act(async () => useStore.getState().addSamples([sample('p7', 5_000, 4)]))
    expect(rendered()).toEqual(['p7'])
    const card = container.querySelector('[data-profile-id="p7"]')
    expect(card?.querySelector('[data-testid="count-active"]')?.textContent).toBe('4')
  })

  it('a burst for three profiles re-renders those three cards, each once', async () => {
    await act(async () =>
      useStore
        .getState()
        .addSamples([sample('p1', 5_000, 2), sample('p2', 5_000, 3), sample('p3', 5_000, 5)]),
    )
    expect(rendered()).toEqual(['p1', 'p2', 'p3'])
    expect([...commits.values()]).toEqual([1, 1, 1])
  })

  it('one profile’s probe (a new status) re-renders only its card', async () => {
    await act(async () =>
      useStore
        .getState()
        .setStatus(
          status('p42', 'connected', 1, { pool: stats(1), health: healthView({ latencyMs: 9 }) }),
        ),
    )
    expect(rendered()).toEqual(['p42'])
  })

  it('a sample for a profile that is not shown re-renders nothing', async () => {
    await act(async () => useStore.getState().addSamples([sample('elsewhere', 5_000, 1)]))
    expect(rendered()).toEqual([])
  })
})
