/** What the shutdown confirmation says: the profile, and how many connections it ends. */
import type { PoolStats } from '../../../../shared/domain'
import type { ShutdownResult } from '../../../../shared/cockpit'
import { plural } from '../../lib/plural'

const connections = (n: number) => `${n} ${plural(n, 'connection')}`

export interface ShutdownConfirmation {
  title: string
  lines: string[]
}

export function shutdownConfirmation(name: string, pool: PoolStats | null): ShutdownConfirmation {
  const active = pool?.active ?? 0
  const idle = pool?.idle ?? 0
  const lines: string[] = []
  if (active === 1)
    lines.push(
      '1 connection is in use and will be terminated: its server session ends and its work is rolled back.',
    )
  else if (active > 1)
    lines.push(
      `${active} connections are in use and will be terminated: their server sessions end and their work is rolled back.`,
    )
  else lines.push('No connection is in use.')
  if (idle > 0) lines.push(`${idle} idle ${plural(idle, 'connection')} will be closed.`)
  lines.push(
    'The pool stays closed until you connect again. To let work finish first, drain instead.',
  )
  return { title: `Shut down “${name}”?`, lines }
}

export function shutdownDoneText(name: string, result: ShutdownResult): string {
  return `“${name}” shut down: ${connections(result.terminated)} terminated, ${connections(result.closed)} closed.`
}
