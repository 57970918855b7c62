/**
 * The write queue's 'queue-filling' alert goes through the profile's alert mechanism: above 80 %
 * of maxQueueSize it is raised (critical, in the profile's merged alert list, pushed with
 * alerts:changed and recorded as an engine event), and once replay has brought the queue down
 * to 70 % or less it is resolved. The queue's figures reach the Prometheus and JSON exports too.
 */
import { describe, expect, it } from 'vitest'
import type { AlertsChanged } from '../../../src/shared/sessions'
import { wiredMonitor } from './support'

describe('the queue-filling alert', () => {
  it('is raised above 80 % and resolved when replay brings the queue down', async () => {
    const h = wiredMonitor()
    const pushed: AlertsChanged[] = []
    h.monitor.events.on('alerts:changed', (a) => pushed.push(a))
    try {
      const id = await h.profile('orders', false)
      await h.monitor.queues.ready()
      const submits = Array.from({ length: 801 }, (_, i) =>
        h.monitor.queues.submit(id, 'INSERT INTO t (v) VALUES ($1)', [i], true),
      )
      await Promise.all(submits)
      expect(h.monitor.queues.status(id).depth).toBe(801)
      const filling = () =>
        h.monitor.sessionsView(id).alerts.filter((a) => a.kind === 'queue-filling')
      expect(filling()).toEqual([
        expect.objectContaining({
          severity: 'critical',
          resolvedAt: null,
          depth: 801,
          maxQueueSize: 1000,
        }),
      ])
      expect(pushed.at(-1)?.alerts.some((a) => a.kind === 'queue-filling')).toBe(true)
      expect(
        h.monitor
          .listEvents(id, { kinds: ['alert-raised'] })
          .events.some((e) => e.data['alertKind'] === 'queue-filling'),
      ).toBe(true)
      const prometheus = h.monitor.exportMetrics([id], 'prometheus', '1h').content
      expect(prometheus).toMatch(
        new RegExp(`^lifeguard_queue_depth\\{profile="orders",profile_id="${id}"\\} 801$`, 'm'),
      )
      const json = JSON.parse(h.monitor.exportMetrics([id], 'json', '1h').content) as {
        profiles: Array<{ state: { queue?: { depth: number; maxQueueSize: number } } }>
      }
      expect(json.profiles[0]?.state.queue).toMatchObject({ depth: 801, maxQueueSize: 1000 })

      await h.monitor.connect(id)
      await h.until(
        'replayed',
        () => h.monitor.queues.status(id).depth,
        (d) => d === 0,
      )
      expect(filling()).toHaveLength(1)
      expect(filling()[0]!.resolvedAt).not.toBeNull()
      expect(h.monitor.queues.status(id)).toMatchObject({ enqueued: 801, applied: 801 })
    } finally {
      await h.close()
    }
  })
})
