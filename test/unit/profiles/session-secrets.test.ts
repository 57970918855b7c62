import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { SessionSecrets } from '../../../src/main/engine/profiles/session-secrets'

describe('SessionSecrets', () => {
  it('holds passwords without exposing them to logging or serialisation', () => {
    const secrets = new SessionSecrets()
    secrets.set('p1', 'canary-xyzzy')
    expect(secrets.get('p1')).toBe('canary-xyzzy')
    expect(JSON.stringify({ secrets })).not.toContain('canary')
    expect(inspect(secrets, { showHidden: true, depth: 5 })).not.toContain('canary')
    expect(Object.keys(secrets)).toEqual([])
    expect(String(Object.entries(secrets))).not.toContain('canary')
    secrets.delete('p1')
    expect(secrets.has('p1')).toBe(false)
  })
})
