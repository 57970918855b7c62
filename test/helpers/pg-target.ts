import { inject } from 'vitest'

export interface PgTarget {
  host: string
  port: number
  user: string
  password: string
  database: string
  /** Null when the tests use an external server (PGHOST). */
  dataDir: string | null
}

export function pgTarget(): PgTarget {
  return inject('pg')
}
