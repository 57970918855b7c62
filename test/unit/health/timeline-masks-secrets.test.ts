import { describe, expect, it } from 'vitest'
import { LifeguardError } from '../../../src/main/engine/core/errors'
import { CheckerHarness } from './support/checker-harness'

const password = 'S3cr3t-p@ss:w/rd#1'
/** What node-postgres-like code may put in an error: the password in clear. */
const rawError = () =>
  Promise.reject(
    new Error(`password authentication failed for "postgresql://bob:${password}@127.0.0.1/app"`),
  )
/** A classify() that masks the password, as ProfileSession's does. */
const masking = (error: unknown) =>
  new LifeguardError(
    'auth-failed',
    String((error as Error).message)
      .split(password)
      .join('********'),
  )

async function run(classify: (error: unknown) => LifeguardError): Promise<string> {
  const h = new CheckerHarness({ classify })
  await h.checker.start()
  h.attemptAnswer = rawError
  h.probeAnswer = rawError
  await h.clock.advance(2_000) // a probe fails
  await h.clock.advance(120_000) // attempts fail
  expect(h.records.length).toBeGreaterThan(2)
  const everything = [
    ...h.records,
    ...h.checker.timeline.list(),
    ...h.views,
    h.checker.view(),
    h.checker.error?.message,
  ]
  return JSON.stringify(everything)
}

describe('messages in records and views', () => {
  it('come from classify(): a password it masks appears in no record and no view', async () => {
    const seen = await run(masking)
    expect(seen).not.toContain(password)
    expect(seen).toContain('postgresql://bob:********@127.0.0.1/app')
  })

  it('would show the password if classify() did not mask it (the check above can fail)', async () => {
    const seen = await run((error) => new LifeguardError('auth-failed', (error as Error).message))
    expect(seen).toContain(password)
  })
})
