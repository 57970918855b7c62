import { limits } from '../../../../shared/schemas'
import type { FieldPath, HostPortFields } from './form-model'
import type { FieldErrors } from './form-validation'

interface FallbackHostsFieldProps {
  id: string
  hosts: readonly HostPortFields[]
  /** Port a new row starts with (the primary host's). */
  defaultPort: string
  errors: FieldErrors
  isInvalid(path: FieldPath): boolean
  onChange(hosts: HostPortFields[]): void
  onBlur(path: FieldPath): void
}

/** libpq's host list after the primary host: tried in order when the one before does not answer. */
export function FallbackHostsField(props: FallbackHostsFieldProps) {
  const { id, hosts, defaultPort, errors, isInvalid, onChange, onBlur } = props
  const set = (index: number, change: Partial<HostPortFields>) =>
    onChange(hosts.map((h, i) => (i === index ? { ...h, ...change } : h)))
  const full = hosts.length >= limits.fallbackHostsMax
  const listError = errors['fallbackHosts']
  return (
    <fieldset className="field fallback-hosts" data-testid="fallback-hosts">
      <legend>Fallback hosts</legend>
      <p className="field-help" id={`${id}-help`}>
        Tried in order when the host above does not answer, as libpq does with a host list.
      </p>
      {hosts.length > 0 && (
        <ol className="host-rows">
          {hosts.map((h, i) => {
            const n = i + 1
            const hostPath = `fallbackHosts.${i}.host`
            const portPath = `fallbackHosts.${i}.port`
            const rowErrors = [errors[hostPath], errors[portPath]].filter(Boolean)
            return (
              <li key={i} className="host-row" data-testid="fallback-host-row">
                <span className="host-row-n num" aria-hidden="true">
                  {n}.
                </span>
                <label className="visually-hidden" htmlFor={`${id}-${i}-host`}>
                  Fallback host {n}
                </label>
                <input
                  id={`${id}-${i}-host`}
                  value={h.host}
                  placeholder="replica.example.com"
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => set(i, { host: e.target.value })}
                  onBlur={() => onBlur(hostPath)}
                  aria-invalid={isInvalid(hostPath) || undefined}
                  aria-describedby={rowErrors.length > 0 ? `${id}-${i}-error` : undefined}
                />
                <label className="visually-hidden" htmlFor={`${id}-${i}-port`}>
                  Port of fallback host {n}
                </label>
                <input
                  id={`${id}-${i}-port`}
                  className="host-row-port"
                  value={h.port}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={65535}
                  onChange={(e) => set(i, { port: e.target.value })}
                  onBlur={() => onBlur(portPath)}
                  aria-invalid={isInvalid(portPath) || undefined}
                />
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => onChange(hosts.filter((_, j) => j !== i))}
                  aria-label={`Remove fallback host ${n}`}
                >
                  Remove
                </button>
                {rowErrors.length > 0 && (
                  <div id={`${id}-${i}-error`} className="field-error host-row-error">
                    {rowErrors.join('; ')}
                  </div>
                )}
              </li>
            )
          })}
        </ol>
      )}
      {listError && <div className="field-error">{listError}</div>}
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([...hosts, { host: '', port: defaultPort }])}
          disabled={full}
          aria-describedby={`${id}-help`}
        >
          + Add fallback host
        </button>
        {full && (
          <span className="field-help"> At most {limits.fallbackHostsMax} fallback hosts.</span>
        )}
      </div>
    </fieldset>
  )
}
