/**
 * A fake Transport for the event bridge: the API is the real buildApi over fake primitives that
 * log every call in one ordered list, so the tests can check what happened in which order.
 */
import { vi } from 'vitest'
import type { Transport, TransportStatus } from '../../../src/renderer/src/api/transport'
import { buildApi } from '../../../src/shared/api-builder'
import type { EventChannel, InvokeChannel } from '../../../src/shared/channels'
import type { EventPayloads } from '../../../src/shared/contract'
import type { MonitorSnapshot } from '../../../src/shared/domain'
import { fail, ok, type ErrorInfo, type Result } from '../../../src/shared/result'
import type { SessionsView } from '../../../src/shared/sessions'
import { appInfo, profile, status } from './store-fixture'

export type LogEntry = `${'invoke' | 'subscribe' | 'unsubscribe'} ${string}`

export const defaultSnapshot: MonitorSnapshot = {
  profiles: [profile('p1')],
  statuses: [status('p1', 'connected', 1_000)],
}

/** What sessions:get answers for a profile with no sample and no alert yet. */
export function emptySessionsView(profileId: string): SessionsView {
  return { profileId, snapshot: null, error: null, alerts: [] }
}

export function fakeTransport(initialStatus: TransportStatus = 'connecting') {
  const log: LogEntry[] = []
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
  const statusListeners = new Set<(status: TransportStatus) => void>()
  const errorListeners = new Set<(error: ErrorInfo) => void>()
  let current = initialStatus

  /** What each invoke answers; a test may replace an entry. */
  const answers: Partial<Record<InvokeChannel, () => Result<unknown>>> = {
    'app:get-info': () => ok(appInfo()),
    'monitor:get-snapshot': () => ok(defaultSnapshot),
    'sessions:get': () => ok(emptySessionsView('p1')),
    // What main answers until its side of issue 8 lands.
    'app:get-preferences': () => fail('invalid-state', 'app:get-preferences is not available yet'),
  }

  const invoke = vi.fn(async (channel: InvokeChannel, _request: unknown) => {
    log.push(`invoke ${channel}`)
    const answer = answers[channel]
    if (!answer) throw new Error(`fake transport: no answer for ${channel}`)
    return answer()
  })

  const subscribe = vi.fn((channel: EventChannel, listener: (payload: unknown) => void) => {
    log.push(`subscribe ${channel}`)
    let set = listeners.get(channel)
    if (!set) listeners.set(channel, (set = new Set()))
    set.add(listener)
    return () => {
      log.push(`unsubscribe ${channel}`)
      set.delete(listener)
    }
  })

  const transport: Transport = {
    api: buildApi({ invoke, subscribe }),
    kind: 'websocket',
    status: () => current,
    onStatus: (listener) => {
      statusListeners.add(listener)
      return () => void statusListeners.delete(listener)
    },
    onProtocolError: (listener) => {
      errorListeners.add(listener)
      return () => void errorListeners.delete(listener)
    },
    reconnectNow: () => undefined,
  }

  return {
    transport,
    log,
    answers,
    invoke,
    subscribe,
    /** Main broadcasts an event. */
    emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): void {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload)
    },
    listenerCount(channel: EventChannel): number {
      return listeners.get(channel)?.size ?? 0
    },
    setStatus(next: TransportStatus): void {
      current = next
      for (const listener of [...statusListeners]) listener(next)
    },
    statusListenerCount: () => statusListeners.size,
    protocolError(error: ErrorInfo): void {
      for (const listener of [...errorListeners]) listener(error)
    },
    errorListenerCount: () => errorListeners.size,
    invokeCount(channel: InvokeChannel): number {
      return log.filter((entry) => entry === `invoke ${channel}`).length
    },
  }
}

/** Lets the bridge's loadSnapshot promise chain finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}
