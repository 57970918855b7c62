/** An address the app does not know, or a profile that does not exist (any more). */
import { formatRoute, dashboardRoute } from '../../lib/route'

export function NotFound({ what }: { what: string }) {
  return (
    <section className="not-found" data-testid="not-found" aria-labelledby="not-found-title">
      <h2 id="not-found-title">Not found</h2>
      <p>{what}</p>
      <p>
        <a className="btn btn-primary" href={formatRoute(dashboardRoute)}>
          ← Back to the fleet
        </a>
      </p>
    </section>
  )
}
