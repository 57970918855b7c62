/**
 * Property (reliability.md C.11): for arbitrary JSON-ish requests on every channel, dispatch never
 * throws, and a handler runs exactly when the request satisfies the channel's schema.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/transport/dispatch'
import { invokeChannels, invokeContract } from '../../../src/shared/contract'
import {
  prototypeKeys,
  spyHandlers,
  totalCalls,
  validDraft,
  validRequests,
} from './dispatch-fixture'

const keys = fc.constantFrom(
  'id',
  'profile',
  'draft',
  'password',
  'name',
  'host',
  'port',
  'database',
  'user',
  'sslmode',
  'kind',
  'text',
  'fileName',
  'previewId',
  'rows',
  '__proto__',
  'constructor',
  'extra',
)

const plausibleLeaf = fc.oneof(
  fc.constantFrom('p1', 'db.example.com', '127.0.0.1', '::1', '/var/run/postgresql'),
  fc.constantFrom('disable', 'verify-full', 'require', '', '   ', 'a\u0000b', 'x'.repeat(300)),
  fc.integer({ min: -2, max: 70_000 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
)

/** Objects built from the contract's own key names, so some of them are (nearly) valid. */
const { request: nearValid } = fc.letrec((tie) => ({
  request: fc.dictionary(keys, fc.oneof({ depthSize: 'small' }, plausibleLeaf, tie('request')), {
    maxKeys: 8,
  }),
}))

const almostDraft = fc
  .record({
    drop: fc.subarray(Object.keys(validDraft)),
    patch: fc.dictionary(keys, plausibleLeaf, { maxKeys: 2 }),
  })
  .map(({ drop, patch }) => {
    const d: Record<string, unknown> = { ...validDraft, ...patch }
    for (const k of drop) delete d[k]
    return d
  })

/** Import requests near their schemas: a known kind or preview id, sometimes spoiled. */
const nearImport = fc.oneof(
  fc
    .record({
      kind: fc.constantFrom('pgpass', 'service-file', 'pgadmin', 'pasted', 'ldap', ''),
      text: fc.oneof(fc.string(), fc.constant('host=db1 dbname=app')),
      fileName: fc.constantFrom('servers.json', ''),
    })
    .map((r) =>
      r.kind === 'pgadmin'
        ? r
        : r.kind === 'pasted'
          ? { kind: r.kind, text: r.text }
          : { kind: r.kind },
    ),
  // Well-formed confirmations, so the property is not vacuous for profiles:import-confirm.
  fc.record({
    previewId: fc.uuid({ version: 4 }),
    rows: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    previewId: fc.oneof(fc.uuid(), fc.string()),
    rows: fc.array(fc.oneof(fc.nat(20), fc.integer({ min: -3, max: 3 }), fc.double()), {
      maxLength: 4,
    }),
  }),
)

const requests = fc.oneof(
  nearImport,
  nearImport,
  fc.jsonValue(),
  nearValid,
  almostDraft.map((profile) => ({ profile })),
  almostDraft.map((draft) => ({ draft })),
  fc.record({ id: fc.oneof(fc.constantFrom('p1', 'p-2_x'), fc.string()) }),
)

describe('dispatch property', () => {
  it.each(invokeChannels.map((c) => [c]))(
    '%s: handler runs iff the schema accepts, never throws',
    async (channel) => {
      const schema = invokeContract[channel].request
      const protoBefore = prototypeKeys()
      let accepted = 0
      await fc.assert(
        // The channel's own valid request now and then, so "accepted > 0" below never depends on luck.
        fc.asyncProperty(
          fc.oneof(
            { arbitrary: requests, weight: 6 },
            { arbitrary: fc.constant(validRequests[channel]), weight: 1 },
          ),
          async (request) => {
            const expected = schema.safeParse(request)
            const { handlers, spies } = spyHandlers()
            const result = await createDispatch(handlers)(channel, request)
            expect(result.ok).toBe(expected.success)
            if (expected.success) {
              accepted++
              expect(totalCalls(spies)).toBe(1)
              expect(spies[channel]).toHaveBeenCalledWith(expected.data)
            } else {
              expect(totalCalls(spies)).toBe(0)
              expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
            }
          },
        ),
        { numRuns: 300 },
      )
      expect(prototypeKeys()).toEqual(protoBefore)
      // Not vacuous: accepted requests were dispatched too (the valid one, and near-valid ones).
      expect(accepted).toBeGreaterThan(0)
    },
  )
})
