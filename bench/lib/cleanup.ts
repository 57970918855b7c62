/**
 * Everything the bench starts is registered here and stopped in reverse order: at the end of the
 * run, on an error, and on SIGINT / SIGTERM / SIGHUP. Synchronous last-resort steps (kill the
 * postmaster, remove its folder) also run from process 'exit', whatever ends the process.
 */
import { progress } from './output'

type AsyncStep = () => Promise<unknown>
type SyncStep = () => void

const steps: { name: string; run: AsyncStep }[] = []
const lastResort: SyncStep[] = []
let stopping: Promise<void> | undefined
let interrupted: NodeJS.Signals | undefined

/** Registers an async stop step; returns a function that runs it now and unregisters it. */
export function onCleanup(name: string, run: AsyncStep): () => Promise<void> {
  const step = { name, run }
  steps.push(step)
  return async () => {
    const i = steps.indexOf(step)
    if (i < 0) return
    steps.splice(i, 1)
    await run()
  }
}

/** A synchronous step for process 'exit' (no event loop there). */
export function onExit(run: SyncStep): void {
  lastResort.push(run)
}

export function wasInterrupted(): NodeJS.Signals | undefined {
  return interrupted
}

/** Runs every registered step once (latest first), each bounded in time; never throws. */
export function cleanupAll(): Promise<void> {
  stopping ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!
      let timer: NodeJS.Timeout | undefined
      try {
        await Promise.race([
          step.run(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('took longer than 10 s')), 10_000)
          }),
        ])
      } catch (error) {
        progress(`cleanup "${step.name}" failed: ${String(error)}`)
      } finally {
        clearTimeout(timer)
      }
    }
  })()
  return stopping
}

export function installSignalHandlers(): void {
  process.on('exit', () => {
    for (const run of lastResort.splice(0).reverse()) {
      try {
        run()
      } catch {
        // best effort: the process is going away
      }
    }
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interrupted) {
        progress(`${signal} again: exiting now`)
        process.exit(130)
      }
      interrupted = signal
      progress(`${signal}: stopping pools and the database server...`)
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    })
  }
}
