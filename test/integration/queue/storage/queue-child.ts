/**
 * The child process of the queue storage's process tests (bundled with test/helpers/build-child,
 * run by plain node), configured by LIFEGUARD_QUEUE_CHILD (JSON).
 *
 * mode 'writer' (the SIGKILL loop): opens the store (reclaiming the lock the killed previous child
 * left) and the log of profile 'p1', prints `ready`, then runs `producers` loops that each take the
 * next number n, journal `a n` and enqueue operation `op-n` (its parameter a padding string whose
 * size follows from n: tiny to 64 KiB), journaling `k n seq` on its acknowledgement; and one consumer
 * that, while more than 20 are queued, marks the oldest (up to 8 at once, as replay marks a batch)
 * applied, journaling `p n` before and `q n` on each acknowledgement. It runs until it is killed.
 * The journal is a file written with fs.writeSync: a line is in the file (the page cache) before
 * the next instruction runs, so a SIGKILL right after it cannot lose it.
 *
 * mode 'hold': opens the store, prints `acquired <tries>` (or `refused <message>` and exits), holds the
 * lock until stdin ends (then closes the store and exits) or it is killed.
 *
 * mode 'race': prints `ready`, waits for a line `go` on stdin, then does what 'hold' does.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { openQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import type { FileQueueStore } from '../../../../src/main/engine/queue/storage/queue-store'
import { padding, type ChildConfig } from './child-operations'

const config = JSON.parse(process.env['LIFEGUARD_QUEUE_CHILD'] ?? '{}') as ChildConfig
const say = (line: string) => process.stdout.write(`${line}\n`)

async function hold(): Promise<void> {
  let store: FileQueueStore
  try {
    store = await openQueueStore({
      dataDir: config.dataDir,
      lock: { backoffMs: config.lockBackoffMs ?? 25 },
    })
  } catch (error) {
    say(`refused ${error instanceof Error ? error.message : String(error)}`)
    process.exit(0)
  }
  say(`acquired ${store.lockTries}`)
  const input = readline.createInterface({ input: process.stdin })
  input.on('close', () => {
    void store.close().finally(() => process.exit(0))
  })
}

async function writer(): Promise<void> {
  const store = await openQueueStore({
    dataDir: config.dataDir,
    compaction: { minBytes: config.compactionMinBytes ?? 256 * 1024 },
  })
  const log = await store.open('p1', { maxQueueSize: 1_000_000 })
  const journalFd = fs.openSync(config.journal ?? '/dev/null', 'a')
  const note = (line: string) => fs.writeSync(journalFd, `${line}\n`)
  say('ready')
  let next = config.start ?? 1
  const produce = async () => {
    for (;;) {
      const n = next++
      note(`a ${n}`)
      const op = await log.enqueue({
        id: `op-${n}`,
        kind: 'statement',
        payload: {
          sql: 'INSERT INTO lg_sigkill (n, pad) VALUES ($1, $2)',
          params: [n, padding(n)],
        },
        enqueuedAt: Date.now(),
      })
      note(`k ${n} ${op.seq}`)
    }
  }
  const consume = async () => {
    for (;;) {
      const depth = log.stats().depth
      if (depth > 20) {
        const batch = log.queued().slice(0, Math.min(8, depth - 20))
        await Promise.all(
          batch.map((op) => {
            const n = Number(op.id.slice(3))
            note(`p ${n}`)
            return log.markApplied(op.seq).then(() => note(`q ${n}`))
          }),
        )
      } else await new Promise((resolve) => setTimeout(resolve, 1))
    }
  }
  await Promise.all([...Array.from({ length: config.producers ?? 4 }, produce), consume()])
}

async function race(): Promise<void> {
  say('ready')
  const input = readline.createInterface({ input: process.stdin })
  input.once('line', () => void hold())
}

const main = config.mode === 'writer' ? writer : config.mode === 'race' ? race : hold
main().catch((error: unknown) => {
  say(`fatal ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
