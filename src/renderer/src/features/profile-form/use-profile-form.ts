/** State and requests of the add / edit profile form. */
import { useMemo, useRef, useState } from 'react'
import type { ProfileSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/result'
import { useApi } from '../../api/transport-context'
import type { TestOutcome } from '../../components/test-result'
import {
  fieldsOf,
  isAdvancedPath,
  newProfileFields,
  noPasswordContext,
  readValidationMessage,
  type FieldName,
  type FieldPath,
  type FormFields,
} from './form-model'
import { errorLines, validateFields, type FieldErrors } from './form-validation'

/** Field paths under `root` ("fallbackHosts" covers "fallbackHosts.2.port"). */
const under = (path: FieldPath, root: string) => path === root || path.startsWith(`${root}.`)

export function useProfileForm(
  profile: ProfileSummary | undefined,
  onSaved: () => void,
  advancedOpenInitially = false,
) {
  const api = useApi()
  const [fields, setFields] = useState<FormFields>(() =>
    profile ? fieldsOf(profile) : newProfileFields,
  )
  const [touched, setTouched] = useState<ReadonlySet<FieldPath>>(() => new Set())
  /** Set by Save or Test: from then on every field's message is shown, touched or not. */
  const [attempted, setAttempted] = useState(false)
  const [advancedOpen, setAdvancedOpen] = useState(advancedOpenInitially)
  const [test, setTest] = useState<TestOutcome | null>(null)
  const [testing, setTesting] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null)
  /** Fields main refused (cleared when edited). */
  const [serverInvalid, setServerInvalid] = useState<FieldPath[]>([])
  /** Bumped by every edit and every test, so a late answer about old values is dropped. */
  const generation = useRef(0)

  const context = profile ?? noPasswordContext
  const validation = useMemo(() => validateFields(fields, context), [fields, context])

  /** Messages to show now: for touched fields, or all of them after Save / Test was pressed. */
  const shownErrors: FieldErrors = useMemo(() => {
    if (attempted) return validation.errors
    return Object.fromEntries(
      Object.entries(validation.errors).filter(([path]) =>
        [...touched].some((t) => path === t || path.startsWith(`${t}.`)),
      ),
    )
  }, [attempted, touched, validation.errors])

  const update = <K extends FieldName>(name: K, value: FormFields[K]) => {
    generation.current++
    setFields((f) => ({ ...f, [name]: value }))
    setTest(null)
    setTesting(false)
    setServerInvalid((list) => list.filter((p) => !under(p, name)))
  }

  /** A field was left: its message may show from now on. */
  const touch = (path: FieldPath) =>
    setTouched((set) => (set.has(path) ? set : new Set([...set, path])))

  /** The draft to send, or null after revealing every message (and the advanced ones). */
  const checkedDraft = () => {
    setAttempted(true)
    if (validation.draft) return validation.draft
    if (Object.keys(validation.errors).some(isAdvancedPath)) setAdvancedOpen(true)
    return null
  }

  const runTest = async () => {
    const draft = checkedDraft()
    if (!draft) return
    const { rememberPassword: _notForATest, ...request } = draft
    const mine = ++generation.current
    setTesting(true)
    setTest(null)
    const result = await api.testConnection({ draft: request })
    if (mine !== generation.current) return
    setTesting(false)
    setTest(result.ok ? { ok: true, data: result.data } : { ok: false, error: result.error })
  }

  const save = async () => {
    setSaveError(null)
    const draft = checkedDraft()
    if (!draft) return
    setSaving(true)
    const result = await api.saveProfile(
      profile ? { id: profile.id, profile: draft } : { profile: draft },
    )
    setSaving(false)
    if (result.ok) return onSaved()
    setSaveError(result.error)
    const refused =
      result.error.code === 'validation' ? readValidationMessage(result.error.message).fields : []
    setServerInvalid(refused)
    if (refused.some(isAdvancedPath)) setAdvancedOpen(true)
  }

  /** The summary under the form: the client's own messages after Save, else main's answer. */
  const clientError: ErrorInfo | null =
    attempted && !validation.draft
      ? { code: 'validation', message: errorLines(validation.errors).join('; ') }
      : null

  return {
    fields,
    update,
    touch,
    errors: shownErrors,
    /** Marked invalid: a message is shown, or main refused the field. */
    isInvalid: (path: FieldPath) =>
      path in shownErrors || serverInvalid.some((p) => under(p, path) || under(path, p)),
    advancedOpen,
    setAdvancedOpen,
    test,
    testing,
    saving,
    formError: clientError ?? saveError,
    runTest,
    save,
  }
}

export type ProfileFormModel = ReturnType<typeof useProfileForm>
