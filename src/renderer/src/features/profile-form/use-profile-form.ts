/** State and requests of the add / edit profile form. */
import { useRef, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import type { TestOutcome } from '../../components/test-result'
import {
  fieldsOf,
  newProfileFields,
  parsePort,
  readValidationMessage,
  toDraft,
  type FieldName,
  type FormFields,
} from './form-model'

export const PORT_ERROR = 'port must be a whole number between 1 and 65535'

export function useProfileForm(profile: ProfileSummary | undefined, onSaved: () => void) {
  const api = useApi()
  const [fields, setFields] = useState<FormFields>(() =>
    profile ? fieldsOf(profile) : newProfileFields,
  )
  const [portError, setPortError] = useState<string | null>(null)
  const [test, setTest] = useState<TestOutcome | null>(null)
  const [testing, setTesting] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null)
  const [invalidFields, setInvalidFields] = useState<FieldName[]>([])
  /** Bumped by every edit and every test, so a late answer about old values is dropped. */
  const generation = useRef(0)

  const update = <K extends FieldName>(name: K, value: FormFields[K]) => {
    generation.current++
    setFields((f) => ({ ...f, [name]: value }))
    setTest(null)
    setTesting(false)
    setInvalidFields((list) => list.filter((f) => f !== name))
    if (name === 'port') setPortError(null)
  }

  /** The draft, or null (with the port marked) when the port is not a number. */
  const draft = () => {
    const port = parsePort(fields.port)
    if (port === null) {
      setPortError(PORT_ERROR)
      return null
    }
    return toDraft(fields, port)
  }

  const runTest = async () => {
    const request = draft()
    if (!request) return
    const mine = ++generation.current
    setTesting(true)
    setTest(null)
    const result = await api.testConnection({ draft: request })
    if (mine !== generation.current) return
    setTesting(false)
    setTest(result.ok ? { ok: true, data: result.data } : { ok: false, error: result.error })
  }

  const save = async () => {
    const request = draft()
    if (!request) return
    setSaving(true)
    setSaveError(null)
    const result = await api.saveProfile(
      profile ? { id: profile.id, profile: request } : { profile: request },
    )
    setSaving(false)
    if (result.ok) return onSaved()
    setSaveError(result.error)
    setInvalidFields(
      result.error.code === 'validation' ? readValidationMessage(result.error.message).fields : [],
    )
  }

  return {
    fields,
    update,
    portError,
    invalidFields,
    test,
    testing,
    saving,
    saveError,
    runTest,
    save,
  }
}
