/** What a profile card can ask main to do, with each request's pending state and outcome. */
import { useState } from 'react'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import type { TestOutcome } from '../../components/test-result'

type Request = 'connect' | 'disconnect' | 'reconnect'

export interface ProfileActions {
  request: Request | null
  testing: boolean
  error: ErrorInfo | null
  test: TestOutcome | null
  askingPassword: boolean
  connect(password?: string): Promise<void>
  disconnect(): Promise<void>
  /** Skips the backoff wait of a profile that is retrying (main's "Reconnect now"). */
  reconnectNow(): Promise<void>
  runTest(): Promise<void>
  cancelPassword(): void
}

/** Failures after which the user should be asked for the password (again). */
const needsPassword = new Set<ErrorInfo['code']>(['password-required', 'auth-failed'])

export function useProfileActions(profileId: string): ProfileActions {
  const api = useApi()
  const [request, setRequest] = useState<Request | null>(null)
  const [testing, setTesting] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [test, setTest] = useState<TestOutcome | null>(null)
  const [askingPassword, setAskingPassword] = useState(false)

  const connect = async (password?: string) => {
    setRequest('connect')
    setError(null)
    const result = await api.connect(
      password === undefined ? { id: profileId } : { id: profileId, password },
    )
    setRequest(null)
    if (result.ok) {
      setAskingPassword(false)
      return
    }
    if (needsPassword.has(result.error.code)) setAskingPassword(true)
    // "password-required" is what the prompt itself says; anything else is shown as an error.
    if (result.error.code !== 'password-required') setError(result.error)
  }

  const disconnect = async () => {
    setRequest('disconnect')
    setError(null)
    setAskingPassword(false)
    const result = await api.disconnect({ id: profileId })
    setRequest(null)
    if (!result.ok) setError(result.error)
  }

  const reconnectNow = async () => {
    setRequest('reconnect')
    setError(null)
    const result = await api.reconnectNow({ id: profileId })
    setRequest(null)
    if (!result.ok) setError(result.error)
  }

  const runTest = async () => {
    setTesting(true)
    setTest(null)
    const result = await api.testConnection({ id: profileId })
    setTesting(false)
    setTest(result.ok ? { ok: true, data: result.data } : { ok: false, error: result.error })
  }

  return {
    request,
    testing,
    error,
    test,
    askingPassword,
    connect,
    disconnect,
    reconnectNow,
    runTest,
    cancelPassword: () => setAskingPassword(false),
  }
}
