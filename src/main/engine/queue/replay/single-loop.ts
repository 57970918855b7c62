/**
 * ONE loop of steps, however often it is kicked: kick() while it runs only makes it look once
 * more when the current pass stops, so flapping health (a kick per status push) never starts a
 * second loop. Each step runs under the given SerialLock, so the user's decisions never interleave
 * with a step. A step that throws ends the pass (onError decides what that means).
 */
import type { SerialLock } from './serial-lock'

export type Step = 'continue' | 'stop'

export class SingleLoop {
  private running: Promise<void> | null = null
  private again = false
  private closed = false

  constructor(
    private readonly lock: SerialLock,
    private readonly step: () => Promise<Step>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get isClosed(): boolean {
    return this.closed
  }

  kick(): void {
    if (this.closed) return
    this.again = true
    if (this.running) return
    this.running = this.drive().finally(() => {
      this.running = null
    })
  }

  /** Resolves once no pass is running (nothing in flight). */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  /** No pass starts any more; resolves when the one in flight ended. */
  async close(): Promise<void> {
    this.closed = true
    await this.settled()
  }

  private async drive(): Promise<void> {
    while (this.again && !this.closed) {
      this.again = false
      for (;;) {
        let result: Step
        try {
          result = await this.lock.run(this.step)
        } catch (error) {
          this.onError(error)
          result = 'stop'
        }
        if (result === 'stop' || this.closed) break
      }
    }
  }
}
