/**
 * Cancel or terminate one server backend over a short-lived side connection (the pool itself may
 * be draining). The pid is always a bound parameter.
 */
import { openPgConnection, type ConnectionParams } from './pg-connection'

async function call(
  params: ConnectionParams,
  fn: 'pg_cancel_backend' | 'pg_terminate_backend',
  pid: number,
) {
  if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`not a backend pid: ${pid}`)
  const client = await openPgConnection({ ...params, applicationName: 'lifeguard-admin' })
  try {
    const result = await client.query<{ done: boolean }>(`SELECT ${fn}($1) AS done`, [pid])
    return result.rows[0]?.done === true
  } finally {
    await client.end().catch(() => undefined)
  }
}

export function backendAdmin(params: ConnectionParams) {
  return {
    cancelBackend: (pid: number) => call(params, 'pg_cancel_backend', pid),
    terminateBackend: (pid: number) => call(params, 'pg_terminate_backend', pid),
  }
}
