/** What a profile card can ask main to do, with each request's pending state and outcome. */
import { useState } from 'react'
import type { RequestOf } from '../../../../shared/contract'
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
  /** With a password typed in the prompt; `remember` stores it encrypted (where possible). */
  connect(password?: string, remember?: boolean): Promise<void>
  disconnect(): Promise<void>
  /** Skips the backoff wait of a profile that is retrying (main's "Reconnect now"). */
  reconnectNow(): Promise<void>
  runTest(): Promise<void>
  cancelPassword(): void
}

/** Failures after which the user should be asked for the password (again). */
const needsPassword = new Set<ErrorInfo['code']>(['password-required', 'auth-failed'])

/** The pool:connect request: a typed password and "Remember password" only when given. */
export function connectRequest(
  id: string,
  password: string | undefined,
  remember: boolean,
): RequestOf<'pool:connect'> {
  if (password === undefined) return { id }
  return remember ? { id, password, rememberPassword: true } : { id, password }
}

export function useProfileActions(profileId: string): ProfileActions {
  const api = useApi()
  const [request, setRequest] = useState<Request | null>(null)
  const [testing, setTesting] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [test, setTest] = useState<TestOutcome | null>(null)
  const [askingPassword, setAskingPassword] = useState(false)

  const connect = async (password?: string, remember = false) => {
    setRequest('connect')
    setError(null)
    const result = await api.connect(connectRequest(profileId, password, remember))
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
