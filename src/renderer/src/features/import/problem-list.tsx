import type { ImportProblem } from '../../../../shared/domain'
import { plural } from '../../lib/plural'

const severityLabels = {
  error: { icon: '✕', text: 'Error' },
  warning: { icon: '▲', text: 'Warning' },
} as const

/** What the reader noticed on the way: severity, where (file and line), and what. */
export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null
  const errors = problems.filter((p) => p.severity === 'error').length
  return (
    <section className="import-problems" aria-labelledby="import-problems-title">
      <h3 id="import-problems-title" className="import-subtitle">
        Problems{' '}
        <span className="muted num">
          ({problems.length}
          {errors > 0 ? `, ${errors} ${plural(errors, 'error')}` : ''})
        </span>
      </h3>
      <ul className="problem-list">
        {problems.map((p, i) => {
          const label = severityLabels[p.severity]
          return (
            <li key={i} className="problem" data-testid="import-problem" data-severity={p.severity}>
              <span className={`severity severity-${p.severity}`}>
                <span aria-hidden="true">{label.icon}</span> {label.text}
              </span>
              <span className="problem-where mono">{p.where}</span>
              <span className="problem-message">{p.message}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
