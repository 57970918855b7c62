// @vitest-environment happy-dom
/**
 * A fleet card as the DBA reads it: state and health as icon and words, probe latency, the
 * countdown and breaker while retrying, pool figures against max, the server gauge once sampled,
 * open alerts by severity, the queue depth ("–" until main sent one), and Open. Database text
 * (the profile's name here) stays text.
 */
import { createElement } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FleetCard } from '../../../src/renderer/src/features/dashboard/fleet-card'
import { useStore } from '../../../src/renderer/src/stores/store'
import { mount } from './dom-fixture'
import { healthView, outageView, T0 } from './health-fixture'
import { leakAlert, snapshot, S0 } from './sessions-fixture'
import { profile, stats, status } from './store-fixture'

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', undefined)
  useStore.setState(useStore.getInitialState(), true)
  useStore.getState().setProfiles([profile('p1', { name: '<b>orders</b>', color: 'teal' })])
})
afterEach(() => vi.unstubAllGlobals())

const show = async (now = T0) => mount(createElement(FleetCard, { id: 'p1' }), { now })

describe('fleet card', () => {
  it('connected: state, level, probe latency, pool figures, no countdown', async () => {
    useStore.getState().mergeStatuses([
      status('p1', 'connected', 1, {
        pool: stats(3, { idle: 2, total: 5, max: 10 }),
        health: healthView({ latencyMs: 0.42 }),
      }),
    ])
    const card = await show()
    expect(card.byTestId('state')?.textContent).toBe('Connected')
    expect(card.byTestId('health-level')?.textContent).toBe('✓Healthy')
    expect(card.byTestId('probe-latency')?.textContent).toBe('probe 0.42 ms')
    expect(card.byTestId('count-active')?.textContent).toBe('3')
    expect(card.byTestId('count-idle')?.textContent).toBe('2')
    expect(card.byTestId('count-total')?.textContent).toBe('5')
    expect(card.byTestId('count-max')?.textContent).toBe('10')
    expect(card.byTestId('next-attempt')).toBeNull()
    expect(card.byTestId('server-version')?.textContent).toBe('17.2')
    expect(card.container.querySelector('b')).toBeNull()
    expect(card.container.querySelector('.card-link')?.textContent).toBe('<b>orders</b>')
    await card.unmount()
  })

  it('retrying: countdown to the next attempt, the breaker when open, Reconnect now', async () => {
    useStore.getState().mergeStatuses([
      status('p1', 'failed', 1, {
        health: outageView({ nextAttemptAt: T0 + 12_000, breaker: 'open' }),
        error: { code: 'connection-refused', message: 'connection refused' },
      }),
    ])
    const card = await show()
    expect(card.byTestId('next-attempt')?.textContent).toBe('Next attempt in 12 s')
    expect(card.byTestId('breaker-state')?.getAttribute('data-breaker')).toBe('open')
    expect(card.byTestId('card-error')?.textContent).toContain('connection refused')
    const buttons = [...card.container.querySelectorAll('button')].map((b) => b.textContent)
    expect(buttons).toEqual(['Reconnect now', 'Disconnect'])
    await card.unmount()
  })

  it('the server gauge once sampled; alerts by severity; queue depth "–" until known', async () => {
    useStore.getState().mergeStatuses([status('p1', 'connected', 1, { health: healthView() })])
    const card = await show()
    expect(card.byTestId('server-gauge-waiting')?.textContent).toBe('–')
    expect(card.byTestId('queue-depth')?.textContent).toBe('Queue –')
    await card.act(() => {
      const base = snapshot([])
      useStore.getState().setServerSummary({
        profileId: 'p1',
        sampledAt: S0,
        connections: { ...base.connections, used: 12, available: 97, ratio: 12 / 97 },
        counts: base.counts,
        sampleMs: 1,
      })
      useStore.getState().setAlerts({ profileId: 'p1', alerts: [leakAlert(null)] })
      useStore.getState().setQueueStatus({
        profileId: 'p1',
        state: 'idle',
        depth: 4,
        maxQueueSize: 1000,
        oldestAgeMs: 10,
        enqueued: 4,
        applied: 0,
        failedAttempts: 0,
        movedAside: 0,
        replayRatePerSecond: 0,
        bytesOnDisk: 10,
        exactlyOnce: false,
        blocked: null,
        damage: null,
        storageError: null,
      })
    })
    expect(card.byTestId('server-gauge-text')?.textContent).toBe('12 / 97 · 12 %')
    expect(card.byTestId('alert-badge')?.getAttribute('data-critical')).toBe('1')
    expect(card.byTestId('queue-depth')?.textContent).toBe('Queue 4')
    await card.unmount()
  })

  it('while the pool drains the server gauge says its sample is from before the pause', async () => {
    const base = snapshot([])
    const summary = {
      profileId: 'p1',
      sampledAt: S0,
      connections: { ...base.connections, used: 7, available: 97, ratio: 7 / 97 },
      counts: base.counts,
      sampleMs: 1,
    }
    useStore.getState().mergeStatuses([status('p1', 'connected', 1, { health: healthView() })])
    useStore.getState().setServerSummary(summary)
    const card = await show()
    expect(card.byTestId('server-gauge')?.getAttribute('data-paused')).toBeNull()
    expect(card.byTestId('server-gauge-paused')).toBeNull()
    await card.act(() => {
      useStore
        .getState()
        .mergeStatuses([
          status('p1', 'connected', 2, { health: healthView(), poolState: 'drained' }),
        ])
    })
    expect(card.byTestId('server-gauge')?.getAttribute('data-paused')).toBe('true')
    expect(card.byTestId('server-gauge-paused')?.textContent).toMatch(
      /^‖ sampling paused by the drain; as of \d\d:\d\d:\d\d$/,
    )
    expect(card.byTestId('server-gauge-text')?.textContent).toBe('7 / 97 · 7 %')
    await card.unmount()
  })

  it('disconnected: Connect and Open, the colour as a dot and its name', async () => {
    const card = await show()
    expect(card.byTestId('state')?.textContent).toBe('Disconnected')
    expect([...card.container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Connect',
    ])
    expect(
      card.container.querySelector('a[aria-label="Open <b>orders</b>"]')?.getAttribute('href'),
    ).toBe('#/profile/p1/overview')
    expect(card.byTestId('profile-color')?.textContent).toBe('Teal')
    await card.unmount()
  })
})
