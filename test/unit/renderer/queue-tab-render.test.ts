// @vitest-environment happy-dom
/**
 * The Queue tab as a DBA uses it (react-dom in happy-dom, the real store, a fake transport): the
 * live status from the store (state as icon and word, depth with its bar, counters), the blocked
 * operation with Retry / Skip / Edit (Edit sends the corrected statement and parameters), the
 * moved-aside list with Requeue, the damage report, exactly-once behind its consent dialog, and
 * the submit form asking "Queue it?" on 'unavailable'. Database text stays text.
 */
import { createElement } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QueueTab } from '../../../src/renderer/src/features/queue/queue-tab'
import { useStore } from '../../../src/renderer/src/stores/store'
import { ok } from '../../../src/shared/result'
import { mount } from './dom-fixture'
import { fakeTransport, settle } from './event-bridge-fixture'
import { operation, queueStatus, queueView } from './queue-fixture'
import { profile } from './store-fixture'

const planted = '<img src=x onerror=alert(1)>'
const blockedError = {
  code: 'query-failed',
  sqlstate: '23505',
  message: `the statement failed: duplicate key ${planted} [SQLSTATE 23505]`,
  errorClass: 'permanent' as const,
  at: 0,
}

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true)
  useStore.getState().setProfiles([profile('p1', { name: 'orders' })])
})
const mounted: Array<{ unmount(): Promise<void> }> = []
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount()
})

async function show(fake: ReturnType<typeof fakeTransport>) {
  const tab = await mount(createElement(QueueTab, { profileId: 'p1' }), { fake })
  mounted.push(tab)
  await tab.act(settle)
  return tab
}

function requests(fake: ReturnType<typeof fakeTransport>, channel: string): unknown[] {
  return fake.invoke.mock.calls.filter(([c]) => c === channel).map(([, request]) => request)
}

async function click(tab: Awaited<ReturnType<typeof mount>>, text: string): Promise<void> {
  const button = [...tab.container.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === text,
  )
  if (!button) throw new Error(`no button "${text}"`)
  await tab.act(() => button.click())
  await tab.act(settle)
}

async function type(
  tab: Awaited<ReturnType<typeof mount>>,
  element: Element | null,
  value: string,
): Promise<void> {
  if (!element) throw new Error('no field')
  const field = element as HTMLInputElement | HTMLTextAreaElement
  await tab.act(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!
    setter.call(field, value)
    field.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('the Queue tab', () => {
  it('shows the blocked operation with Retry / Skip / Edit, the aside list with Requeue, as text', async () => {
    const status = queueStatus('p1', {
      state: 'blocked',
      depth: 2,
      enqueued: 5,
      applied: 2,
      movedAside: 1,
      failedAttempts: 1,
      blocked: { operationId: 'op-3', error: blockedError, why: 'permanent-error' },
    })
    const view = queueView(
      status,
      [
        operation(3, {
          state: 'blocked',
          sql: `INSERT INTO t VALUES ($1) ${planted}`,
          attempts: 1,
          lastError: blockedError,
        }),
        operation(4),
      ],
      [operation(1, { state: 'aside', asideReason: 'skipped', asideAt: 1 })],
    )
    const fake = fakeTransport('connected')
    // Main's answers follow what it did: queue:get gives the latest view.
    let latest = view
    fake.answers['queue:get'] = () => ok(latest)
    fake.answers['queue:resolve'] = () =>
      ok((latest = queueView(queueStatus('p1', { depth: 1 }), [operation(4)], view.aside)))
    fake.answers['queue:requeue'] = () => ok(latest)
    useStore.getState().setQueueStatus(status)
    const tab = await show(fake)

    expect(tab.byTestId('queue-state')?.getAttribute('data-state')).toBe('blocked')
    expect(tab.byTestId('queue-state')?.textContent).toBe('⊘ Blocked')
    expect(tab.byTestId('queue-depth-figure')?.textContent).toBe('2 of 1000 (<1 %)')
    expect(tab.byTestId('queue-enqueued')?.textContent).toBe('5')
    expect(tab.byTestId('queue-blocked-error')?.textContent).toContain(planted)
    expect(tab.byTestId('queue-blocked-sql')?.textContent).toContain(planted)
    expect(tab.container.querySelector('img')).toBeNull()
    expect(tab.allByTestId('queue-operation').map((r) => r.getAttribute('data-state'))).toEqual([
      'blocked',
      'queued',
      'aside',
    ])

    await click(tab, 'Edit…')
    const edit = tab.byTestId('queue-edit')!
    await type(
      tab,
      edit.querySelector('textarea'),
      'INSERT INTO t VALUES ($1) ON CONFLICT DO NOTHING',
    )
    await type(tab, edit.querySelector('input'), '[3, "x"]')
    await click(tab, 'Save and retry')
    expect(requests(fake, 'queue:resolve')).toEqual([
      {
        id: 'p1',
        operationId: 'op-3',
        action: 'edit',
        sql: 'INSERT INTO t VALUES ($1) ON CONFLICT DO NOTHING',
        params: [3, 'x'],
      },
    ])
    expect(useStore.getState().queues['p1']?.depth).toBe(1)

    await click(tab, 'Requeue')
    expect(requests(fake, 'queue:requeue')).toEqual([{ id: 'p1', operationId: 'op-1' }])
  })

  it('sends Retry and Skip for the operation replay stopped at', async () => {
    const status = queueStatus('p1', {
      state: 'blocked',
      depth: 1,
      blocked: { operationId: 'op-7', error: blockedError, why: 'attempts-exhausted' },
    })
    const fake = fakeTransport('connected')
    fake.answers['queue:get'] = () => ok(queueView(status, [operation(7, { state: 'blocked' })]))
    fake.answers['queue:resolve'] = () =>
      ok(queueView(status, [operation(7, { state: 'blocked' })]))
    useStore.getState().setQueueStatus(status)
    const tab = await show(fake)
    expect(tab.byTestId('queue-blocked')?.textContent).toContain('its attempts ran out')
    await click(tab, 'Retry')
    await click(tab, 'Skip')
    expect(requests(fake, 'queue:resolve')).toEqual([
      { id: 'p1', operationId: 'op-7', action: 'retry' },
      { id: 'p1', operationId: 'op-7', action: 'skip' },
    ])
  })

  it('reports damage with its counts and kept-as name, and asks before dropping it', async () => {
    const damage = {
      recordsAffected: 4,
      recordsBefore: 9,
      keptAs: 'log-0000000002.jsonl.damaged-2026-01-01T10-00-00-000Z',
      message: 'record 10 failed its checksum',
    }
    const status = queueStatus('p1', { state: 'damaged', depth: 9, damage })
    const fake = fakeTransport('connected')
    let latest = queueView(status, [])
    fake.answers['queue:get'] = () => ok(latest)
    fake.answers['queue:discard-damage'] = () =>
      ok((latest = queueView(queueStatus('p1', { depth: 9, state: 'replaying' }), [])))
    useStore.getState().setQueueStatus(status)
    const tab = await show(fake)
    const report = tab.byTestId('queue-damage')!.textContent!
    expect(report).toContain('4 records affected, 9 intact before the damage')
    expect(tab.byTestId('queue-damage-kept')?.textContent).toBe(damage.keptAs)
    expect(tab.byTestId('queue-submit')).toBeNull()
    await click(tab, 'Drop the damaged part…')
    const dialog = tab.byTestId('discard-damage-dialog')!.textContent!
    expect(dialog).toContain('The 9 intact records before the damage become the queue again')
    expect(dialog).toContain('The 4 records from the damage on are dropped from the queue')
    expect(dialog).toContain(`stays aside as ${damage.keptAs}`)
    expect(requests(fake, 'queue:discard-damage')).toEqual([])
    await click(tab, 'Drop damaged records')
    expect(requests(fake, 'queue:discard-damage')).toEqual([{ id: 'p1' }])
    expect(tab.byTestId('queue-damage')).toBeNull()
    expect(tab.byTestId('discard-damage-dialog')).toBeNull()
  })

  it('turns exactly-once on only through its consent dialog', async () => {
    const status = queueStatus('p1')
    const fake = fakeTransport('connected')
    fake.answers['queue:get'] = () => ok(queueView(status, []))
    fake.answers['queue:set-exactly-once'] = () => ok(queueStatus('p1', { exactlyOnce: true }))
    useStore.getState().setQueueStatus(status)
    const tab = await show(fake)
    expect(tab.byTestId('queue-exactly-once')?.getAttribute('data-on')).toBe('false')
    await click(tab, 'Turn on…')
    expect(tab.byTestId('exactly-once-dialog')?.textContent).toContain(
      'lifeguard.applied_operations',
    )
    expect(tab.byTestId('exactly-once-dialog')?.textContent).toContain(
      'alice@db.example.com:5432/app',
    )
    expect(requests(fake, 'queue:set-exactly-once')).toEqual([])
    await click(tab, 'Create the table and turn on')
    expect(requests(fake, 'queue:set-exactly-once')).toEqual([{ id: 'p1', enabled: true }])
    expect(tab.byTestId('queue-exactly-once')?.getAttribute('data-on')).toBe('true')
  })

  it('asks "Queue it?" when the database cannot take a write, and queues it on yes', async () => {
    const status = queueStatus('p1', { state: 'waiting-for-database' })
    const fake = fakeTransport('connected')
    fake.answers['queue:get'] = () => ok(queueView(status, []))
    let answer: unknown = {
      outcome: 'unavailable',
      reason: { code: 'service-unavailable', message: `the profile is failed ${planted}` },
    }
    fake.answers['queue:submit'] = () => ok(answer)
    useStore.getState().setQueueStatus(status)
    const tab = await show(fake)
    await type(tab, tab.byTestId('queue-submit-sql'), 'UPDATE t SET v = $1')
    await type(tab, tab.byTestId('queue-submit-params'), '[5]')
    await click(tab, 'Submit')
    expect(tab.byTestId('queue-ask')?.textContent).toContain(`the profile is failed ${planted}`)
    expect(tab.container.querySelector('img')).toBeNull()
    answer = { outcome: 'queued', operationId: 'op-9', position: 1 }
    await click(tab, 'Queue it')
    expect(requests(fake, 'queue:submit')).toEqual([
      { id: 'p1', sql: 'UPDATE t SET v = $1', params: [5], queueIfUnavailable: false },
      { id: 'p1', sql: 'UPDATE t SET v = $1', params: [5], queueIfUnavailable: true },
    ])
    expect(tab.byTestId('queue-ask')).toBeNull()
    expect(tab.byTestId('queue-submit-done')?.textContent).toContain(
      'Queued at position 1 (operation op-9)',
    )
  })
})
