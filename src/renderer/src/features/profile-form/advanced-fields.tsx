/**
 * The form's "Advanced" section: fallback hosts, SSL certificate files, application name, connect
 * timeout, password command, the per-profile pool and health overrides and the session alert
 * thresholds (empty = default).
 */
import { advancedCount, isAdvancedPath, type SettingName } from './form-model'
import { FallbackHostsField } from './fallback-hosts-field'
import { TextField } from './text-field'
import type { ProfileFormModel } from './use-profile-form'
import { plural } from '../../lib/plural'

interface Override {
  key: SettingName
  label: string
  help: string
}

const overrides: Override[] = [
  { key: 'poolMax', label: 'Pool max', help: '2–1000 connections' },
  { key: 'poolMin', label: 'Pool min', help: '0–1000, not above max' },
  { key: 'acquireTimeoutMs', label: 'Acquire timeout (ms)', help: '100–600000' },
  { key: 'probeIntervalMs', label: 'Probe interval (ms)', help: '200–3600000' },
  { key: 'probeTimeoutMs', label: 'Probe timeout (ms)', help: '100–600000' },
  { key: 'unavailableAfterMs', label: 'Unavailable after (ms)', help: '0–86400000' },
]

/** The session alerts' thresholds (issue 6); the defaults are the session observer's. */
const alertThresholds: Override[] = [
  {
    key: 'idleInTransactionAlertMs',
    label: 'Idle in transaction alert (ms)',
    help: '1000–86400000; default 60000 (1 min)',
  },
  {
    key: 'longQueryWarningMs',
    label: 'Long query warning (ms)',
    help: '1000–86400000; default 120000 (2 min)',
  },
  {
    key: 'longQueryCriticalMs',
    label: 'Long query critical (ms)',
    help: '1000–86400000; default 300000 (5 min)',
  },
]

interface AdvancedSectionProps {
  id: string
  form: ProfileFormModel
}

/** A disclosure button (with how many values are set) and, when open, the fields. */
export function AdvancedSection({ id, form }: AdvancedSectionProps) {
  const count = advancedCount(form.fields)
  const problems = Object.keys(form.errors).filter(isAdvancedPath).length
  return (
    <section className="advanced" data-testid="advanced-section">
      <button
        type="button"
        className="disclosure"
        aria-expanded={form.advancedOpen}
        aria-controls={`${id}-advanced`}
        onClick={() => form.setAdvancedOpen(!form.advancedOpen)}
      >
        <span className="disclosure-icon" aria-hidden="true">
          {form.advancedOpen ? '▾' : '▸'}
        </span>
        Advanced
        <span className="disclosure-summary muted">
          fallback hosts, SSL files, timeouts, pool and health overrides, alert thresholds
        </span>
        {count > 0 && <span className="count-pill">{count} set</span>}
        {problems > 0 && (
          <span className="count-pill count-pill-error">
            {problems} {plural(problems, 'problem')}
          </span>
        )}
      </button>
      {form.advancedOpen && (
        <div id={`${id}-advanced`} className="advanced-body">
          <AdvancedFields id={id} form={form} />
        </div>
      )}
    </section>
  )
}

function AdvancedFields({ id, form }: AdvancedSectionProps) {
  const { fields } = form
  const text = (
    name: 'sslrootcert' | 'sslcert' | 'sslkey' | 'applicationName' | 'passwordCommand',
  ) => ({
    id: `${id}-${name}`,
    value: fields[name],
    onValue: (value: string) => form.update(name, value),
    onBlur: () => form.touch(name),
    invalid: form.isInvalid(name),
    error: form.errors[name] ?? null,
    autoComplete: 'off',
  })
  return (
    <>
      <FallbackHostsField
        id={`${id}-fallback`}
        hosts={fields.fallbackHosts}
        defaultPort={fields.port}
        errors={form.errors}
        isInvalid={form.isInvalid}
        onChange={(hosts) => form.update('fallbackHosts', hosts)}
        onBlur={form.touch}
      />
      <div className="form-grid">
        <TextField
          {...text('sslrootcert')}
          label="Root certificate"
          placeholder="/etc/ssl/certs/db-ca.pem"
          help="sslrootcert: absolute path of the CA file. With require it checks the chain (verify-ca), as libpq does."
        />
        <TextField
          {...text('sslcert')}
          label="Client certificate"
          placeholder="/home/me/.postgresql/postgresql.crt"
        />
        <TextField
          {...text('sslkey')}
          label="Client key"
          placeholder="/home/me/.postgresql/postgresql.key"
          help="Give the certificate and its key together."
        />
        <TextField
          {...text('applicationName')}
          label="Application name"
          placeholder="lifeguard"
          help="Shown in pg_stat_activity. Printable ASCII, at most 63 characters."
        />
        <TextField
          id={`${id}-connectTimeoutS`}
          label="Connect timeout (s)"
          value={fields.connectTimeoutS}
          onValue={(value) => form.update('connectTimeoutS', value)}
          onBlur={() => form.touch('connectTimeoutS')}
          invalid={form.isInvalid('connectTimeoutS')}
          error={form.errors['connectTimeoutS'] ?? null}
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          placeholder="default"
          help="1–600 seconds, per host tried."
        />
        <TextField
          {...text('passwordCommand')}
          label="Password command"
          placeholder="pass show db/orders"
          className="mono-input"
          help="Run without a shell when no password was typed or stored; its first line is the password."
        />
      </div>
      <fieldset className="overrides" data-testid="overrides">
        <legend>Pool and health overrides</legend>
        <p className="field-help">Empty fields use Lifeguard’s defaults.</p>
        <OverrideFields id={id} form={form} list={overrides} />
      </fieldset>
      <fieldset className="overrides" data-testid="alert-thresholds">
        <legend>Session alert thresholds</legend>
        <p className="field-help">
          When the server’s sessions raise an alert. Empty fields use the defaults.
        </p>
        <OverrideFields id={id} form={form} list={alertThresholds} />
      </fieldset>
    </>
  )
}

function OverrideFields({ id, form, list }: AdvancedSectionProps & { list: Override[] }) {
  const { fields } = form
  return (
    <div className="form-grid form-grid-3">
      {list.map((o) => {
        const path = `settings.${o.key}`
        return (
          <TextField
            key={o.key}
            id={`${id}-${o.key}`}
            label={o.label}
            value={fields.settings[o.key]}
            onValue={(value) => form.update('settings', { ...fields.settings, [o.key]: value })}
            onBlur={() => form.touch(path)}
            invalid={form.isInvalid(path)}
            error={form.errors[path] ?? null}
            type="number"
            inputMode="numeric"
            placeholder="default"
            help={o.help}
          />
        )
      })}
    </div>
  )
}
