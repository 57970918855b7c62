/**
 * What the pool needs from a connection. `pg.Client` satisfies it: `query`, `end`, `on('error')`,
 * `processID` (the server backend pid, set after connect) and `getTransactionStatus()`.
 * Other drivers or stubs may offer `backendPid`, `transactionStatus()` and `destroy()` instead.
 */
export type TransactionStatus = 'idle' | 'in-transaction' | 'failed' | 'unknown'

export interface PoolConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
  end(): Promise<void>
  on(event: 'error', listener: (error: Error) => void): unknown
  /** The server backend pid, if the driver knows it. */
  readonly backendPid?: number
  /** pg.Client's name for the backend pid. */
  readonly processID?: number | null
  transactionStatus?(): TransactionStatus
  /** pg.Client: 'I' idle, 'T' in a transaction, 'E' in a failed transaction, null unknown. */
  getTransactionStatus?(): 'I' | 'T' | 'E' | null
  /** Closes the socket at once without a goodbye (used by shutdown and terminate). */
  destroy?(): void
}

export type ConnectionFactory = () => Promise<PoolConnection>

export function backendPidOf(connection: PoolConnection): number | undefined {
  const pid = connection.backendPid ?? connection.processID
  return typeof pid === 'number' ? pid : undefined
}

export function transactionStatusOf(connection: PoolConnection): TransactionStatus {
  if (connection.transactionStatus) return connection.transactionStatus()
  if (connection.getTransactionStatus) {
    switch (connection.getTransactionStatus()) {
      case 'I':
        return 'idle'
      case 'T':
        return 'in-transaction'
      case 'E':
        return 'failed'
      default:
        return 'unknown'
    }
  }
  return 'unknown'
}
