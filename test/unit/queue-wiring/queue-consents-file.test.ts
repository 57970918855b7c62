/**
 * The consents file (<dataDir>/queue-consents.json): a consent is written before it is answered
 * (0600, read back by the next run), a profile with none is not listed, and a file that cannot be
 * read is moved aside and reported, never reset silently: Lifeguard then starts with no consent.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { QueueConsents, QUEUE_CONSENTS_FILE } from '../../../src/main/engine/monitor/queue-consents'
import { tempDir } from '../../helpers/temp-dir'

const now = () => Date.UTC(2026, 0, 2, 3, 4, 5)

describe('the queue consents file', () => {
  it('keeps each consent across runs, 0600, and lists only profiles with one', () => {
    const { dir, cleanup } = tempDir()
    try {
      const file = path.join(dir, QUEUE_CONSENTS_FILE)
      const first = new QueueConsents(file, now)
      expect(first.get('p1')).toEqual({ exactlyOnce: false, historyTables: false })
      first.set('p1', { exactlyOnce: true })
      first.set('p2', { historyTables: true })
      first.set('p2', { historyTables: false })
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      const again = new QueueConsents(file, now)
      expect(again.get('p1')).toEqual({ exactlyOnce: true, historyTables: false })
      expect(again.get('p2')).toEqual({ exactlyOnce: false, historyTables: false })
      expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).profiles)).toEqual(['p1'])
      again.forget('p1')
      expect(new QueueConsents(file, now).get('p1').exactlyOnce).toBe(false)
    } finally {
      cleanup()
    }
  })

  it('moves an unreadable file aside and says so', () => {
    const { dir, cleanup } = tempDir()
    try {
      const file = path.join(dir, QUEUE_CONSENTS_FILE)
      fs.writeFileSync(file, '{"formatVersion": 1, "profiles": {"p1": {"exactlyOnce": "yes"}}}')
      const consents = new QueueConsents(file, now)
      expect(consents.get('p1').exactlyOnce).toBe(false)
      expect(consents.warnings).toEqual([
        expect.objectContaining({
          id: 'queue-consents-unreadable',
          message: expect.stringContaining('unreadable-2026-01-02T03-04-05-000Z'),
        }),
      ])
      expect(fs.existsSync(file)).toBe(false)
      expect(fs.readdirSync(dir)).toEqual([
        `${QUEUE_CONSENTS_FILE}.unreadable-2026-01-02T03-04-05-000Z`,
      ])
    } finally {
      cleanup()
    }
  })
})
