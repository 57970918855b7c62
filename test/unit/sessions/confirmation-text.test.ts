import { describe, expect, it } from 'vitest'
import { confirmationFor, excerpt } from '../../../src/main/engine/sessions/confirmation'
import { active, hidden, sampler, session, snapshotOf } from './support/canned-rows'

describe('the confirmation an action shows first (confirmation.ts)', () => {
  const long = `SELECT ${'x, '.repeat(150)}\n  1 FROM big`
  const snap = snapshotOf(
    [
      sampler(),
      active(10, 5_000, { usename: 'alice', application_name: 'billing', query: long }),
      hidden(11, { usename: 'postgres', application_name: 'psql' }),
      session(12, { application_name: 'lifeguard' }),
    ],
    { frame: { sees_all: false } },
  )

  it('names the pid, user, application and an excerpt of the query', () => {
    const c = confirmationFor(snap, 10, 'terminate')
    expect(c).toMatchObject({
      action: 'terminate',
      pid: 10,
      user: 'alice',
      application: 'billing',
      database: 'shop',
      state: 'active',
      queryHidden: false,
      own: false,
      title: 'Terminate session 10?',
    })
    expect(Array.from(c.queryExcerpt!)).toHaveLength(200)
    expect(c.queryExcerpt!.endsWith('…')).toBe(true)
    expect(c.queryExcerpt).not.toContain('\n')
    expect(c.lines).toEqual([
      'User: alice',
      'Database: shop',
      'Application: billing',
      'State: active',
      `Query: ${c.queryExcerpt}`,
    ])
    expect(confirmationFor(snap, 10, 'cancel').title).toBe('Cancel the query of session 10?')
  })

  it('says plainly when the query is hidden, and when the session is our own', () => {
    const c = confirmationFor(snap, 11, 'cancel')
    expect(c).toMatchObject({ queryHidden: true, queryExcerpt: null })
    expect(c.lines).toContain('Query: query hidden: needs pg_monitor')
    expect(c.lines).toContain('State: (hidden)')
    expect(confirmationFor(snap, 12, 'terminate').lines.at(-1)).toBe(
      "This is one of Lifeguard's own sessions.",
    )
  })

  it('refuses a pid that is not a pid, or not in the sample', () => {
    expect(() => confirmationFor(snap, -1, 'cancel')).toThrow(
      expect.objectContaining({ code: 'validation' }),
    )
    expect(() => confirmationFor(snap, 13, 'cancel')).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    )
  })

  it('cuts excerpts between characters, never inside one', () => {
    expect(excerpt('😀😀😀😀', 3)).toBe('😀😀…')
    expect(excerpt('  a \n\t b  ', 10)).toBe('a b')
  })
})
