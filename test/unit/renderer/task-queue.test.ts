/** Heavy jobs (creating a chart) run one per task, in order; a cancelled one never runs. */
import { describe, expect, it } from 'vitest'
import { TaskQueue, type TaskSource } from '../../../src/renderer/src/lib/task-queue'

function tasks() {
  const posted = new Map<number, () => void>()
  let next = 1
  const source: TaskSource = {
    post: (run) => {
      posted.set(next, run)
      return next++
    },
    cancel: (handle) => void posted.delete(handle as number),
  }
  return {
    source,
    posted: () => posted.size,
    /** Runs the oldest posted task (one task of the browser's). */
    runOne() {
      const [id, run] = [...posted.entries()][0] ?? []
      if (id === undefined || !run) throw new Error('no task posted')
      posted.delete(id)
      run()
    },
  }
}

describe('task queue (lib/task-queue.ts)', () => {
  it('runs one job per task, in the order they were queued', () => {
    const t = tasks()
    const q = new TaskQueue(t.source)
    const ran: string[] = []
    for (const name of ['a', 'b', 'c']) q.enqueue({}, () => ran.push(name))
    expect(ran).toEqual([])
    expect(t.posted()).toBe(1)
    t.runOne()
    expect(ran).toEqual(['a'])
    t.runOne()
    t.runOne()
    expect(ran).toEqual(['a', 'b', 'c'])
    expect(t.posted()).toBe(0)
  })

  it('a cancelled job never runs; cancelling the last one withdraws the task', () => {
    const t = tasks()
    const q = new TaskQueue(t.source)
    const ran: string[] = []
    const a = {}
    const b = {}
    q.enqueue(a, () => ran.push('a'))
    q.enqueue(b, () => ran.push('b'))
    q.cancel(a)
    t.runOne()
    expect(ran).toEqual(['b'])
    q.enqueue(a, () => ran.push('a'))
    q.cancel(a)
    expect(t.posted()).toBe(0)
    expect(q.pending).toBe(0)
  })

  it('a job that throws does not stop the ones after it', () => {
    const t = tasks()
    const q = new TaskQueue(t.source)
    const ran: string[] = []
    const quiet = console.error
    console.error = () => undefined
    try {
      q.enqueue({}, () => {
        throw new Error('no canvas')
      })
      q.enqueue({}, () => ran.push('b'))
      t.runOne()
      t.runOne()
    } finally {
      console.error = quiet
    }
    expect(ran).toEqual(['b'])
  })
})
