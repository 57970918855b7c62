/**
 * Immediate, field-level feedback: the form's draft is checked with the very schema main applies
 * (profileDraftSchema), and each issue is filed under the field it names. Main validates again;
 * this only saves a round trip and puts the message next to the input.
 */
import { profileDraftSchema } from '../../../../shared/schemas'
import {
  toDraftInput,
  type FieldPath,
  type FormFields,
  type PasswordContext,
  type ProfileDraftInput,
} from './form-model'

export type FieldErrors = Readonly<Record<FieldPath, string>>

export interface FormValidation {
  /** The draft to send, or null while any field has an error. */
  draft: ProfileDraftInput | null
  /** The first message per field path. */
  errors: FieldErrors
}

export const REMEMBER_NEEDS_PASSWORD = 'enter the password to remember'
export const LONG_QUERY_ORDER = 'long query critical must not be below long query warning'

export function validateFields(fields: FormFields, context: PasswordContext): FormValidation {
  const draft = toDraftInput(fields, context)
  const errors: Record<FieldPath, string> = {}
  const parsed = profileDraftSchema.safeParse(draft)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || 'form'
      errors[path] ??= issue.message
    }
  }
  // Main's session settings refuse a critical line below the warning line when connecting (the
  // shared schema does not check it yet): said here, next to the field, before saving.
  const warning = draft.settings?.longQueryWarningMs
  const critical = draft.settings?.longQueryCriticalMs
  if (warning !== undefined && critical !== undefined && critical < warning)
    errors['settings.longQueryCriticalMs'] ??= LONG_QUERY_ORDER
  // Main refuses this too; saying it here keeps the message next to the password.
  if (draft.rememberPassword === true && fields.password === '' && !context.hasSessionPassword)
    errors['password'] ??= REMEMBER_NEEDS_PASSWORD
  return { draft: Object.keys(errors).length === 0 ? draft : null, errors }
}

/** "Please correct" lines for the summary under the form, in the order the fields appear. */
export function errorLines(errors: FieldErrors): string[] {
  return [...new Set(Object.values(errors))]
}
