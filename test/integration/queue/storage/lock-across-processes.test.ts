/**
 * reliability D.23 across processes (queue-child.ts, modes 'hold' and 'race'): a second store in
 * another process is refused naming the live holder; a lock left by a SIGKILLed holder is
 * reclaimed; and when several processes race to reclaim a stale lock at the same moment, exactly
 * one of them gets it and the others are refused naming that one, round after round.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import { buildChild } from '../../../helpers/build-child'
import { startChild, type RunningChild } from '../../../helpers/queue-child-runner'
import { tempDir } from '../../../helpers/temp-dir'

const RACE_ROUNDS = 8
const RACERS = 4
const { dir: dataDir, cleanup } = tempDir()
let script = ''
let removeBuild = () => undefined as void
const started: RunningChild[] = []

beforeAll(async () => {
  const built = await buildChild(path.join(import.meta.dirname, 'queue-child.ts'))
  script = built.script
  removeBuild = built.cleanup
}, 60_000)

afterAll(async () => {
  for (const c of started)
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL')
  await Promise.all(started.map((c) => c.done))
  removeBuild()
  cleanup()
})

function start(mode: 'hold' | 'race'): RunningChild {
  const child = startChild(script, { mode, dataDir, lockBackoffMs: 5 })
  started.push(child)
  return child
}

async function kill(c: RunningChild): Promise<void> {
  c.child.kill('SIGKILL')
  expect((await c.done).signal).toBe('SIGKILL')
}

describe('the queue folder lock between processes', () => {
  it('refuses a second process while the holder lives, and is free once it closes', async () => {
    const holder = start('hold')
    expect(await holder.line(() => true)).toMatch(/^acquired/)
    const error = await openQueueStore({ dataDir }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'storage' })
    expect((error as Error).message).toContain(`pid ${holder.child.pid}`)
    holder.child.stdin!.end()
    expect((await holder.done).code).toBe(0)
    const store = await openQueueStore({ dataDir })
    await store.close()
  })

  it('is reclaimed from a holder killed with SIGKILL', async () => {
    const holder = start('hold')
    expect(await holder.line(() => true)).toMatch(/^acquired/)
    await kill(holder)
    const store = await openQueueStore({ dataDir })
    await store.close()
  })

  it(`goes to exactly one of ${RACERS} processes racing to reclaim it (${RACE_ROUNDS} rounds)`, async () => {
    let stale = start('hold')
    expect(await stale.line(() => true)).toMatch(/^acquired/)
    let contended = 0
    for (let round = 1; round <= RACE_ROUNDS; round++) {
      await kill(stale)
      const racers = Array.from({ length: RACERS }, () => start('race'))
      await Promise.all(racers.map((r) => r.line((l) => l === 'ready')))
      for (const r of racers) r.child.stdin!.write('go\n')
      const answers = await Promise.all(
        racers.map((r) => r.line((l) => l.startsWith('acquired') || l.startsWith('refused'))),
      )
      const winners = racers.filter((_, i) => answers[i]!.startsWith('acquired'))
      expect(winners, `round ${round}: ${answers.join(' | ')}`).toHaveLength(1)
      const winner = winners[0]!
      if (Number(answers[racers.indexOf(winner)]!.split(' ')[1]) > 1) contended++
      for (const answer of answers.filter((a) => !a.startsWith('acquired')))
        expect(answer, `round ${round}`).toContain(`pid ${winner.child.pid}`)
      await Promise.all(racers.filter((r) => r !== winner).map((r) => r.done))
      stale = winner
    }
    await kill(stale)
    // How often the winner had seen a live contender and withdrawn first (the race was real).
    process.stdout.write(
      `lock race: ${RACE_ROUNDS} rounds, the winner withdrew first in ${contended}\n`,
    )
  }, 60_000)
})
