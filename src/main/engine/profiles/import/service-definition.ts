/**
 * One `[service]` section of a connection service file, as libpq would apply it.
 *
 * Secret keywords (password, sslpassword, oauth_client_secret, scram_client_key,
 * scram_server_key: the ones libpq itself hides) are kept in a private class field: never an
 * enumerable property, so JSON.stringify, structuredClone, spreading and util.inspect never show
 * them. `params` holds everything else.
 */
import { inspect } from 'node:util'
import type { ServiceFileScope } from './service-location'

export interface ServiceDefinitionInit {
  name: string
  path: string
  /** Line of the `[name]` header. */
  line: number
  scope: ServiceFileScope
  params: Record<string, string>
  secrets: Map<string, string>
  usesLdap: boolean
}

export class ServiceDefinition {
  readonly name: string
  readonly path: string
  readonly line: number
  readonly scope: ServiceFileScope
  /** Non-secret keyword values; the first occurrence of a keyword wins, as in libpq. */
  readonly params: Readonly<Record<string, string>>
  /** Which secret keywords the section sets (their values are not here). */
  readonly secretKeys: readonly string[]
  /** The section has an LDAP lookup line, so its parameters are not all in the file. */
  readonly usesLdap: boolean
  readonly #secrets: ReadonlyMap<string, string>

  constructor(init: ServiceDefinitionInit) {
    this.name = init.name
    this.path = init.path
    this.line = init.line
    this.scope = init.scope
    this.params = Object.freeze({ ...init.params })
    this.secretKeys = Object.freeze([...init.secrets.keys()])
    this.usesLdap = init.usesLdap
    this.#secrets = new Map(init.secrets)
    Object.freeze(this)
  }

  /** A secret keyword's value. Main process only; never show, log or send it. */
  secret(key: string): string | undefined {
    return this.#secrets.get(key)
  }

  /** The inline password, if the section sets one (possibly empty). */
  password(): string | undefined {
    return this.#secrets.get('password')
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      path: this.path,
      line: this.line,
      scope: this.scope,
      params: this.params,
      secretKeys: this.secretKeys,
      usesLdap: this.usesLdap,
    }
  }

  [inspect.custom](): string {
    const secrets =
      this.secretKeys.length > 0 ? `, secrets hidden: ${this.secretKeys.join(', ')}` : ''
    return `ServiceDefinition([${this.name}] ${this.path}:${this.line}, ${JSON.stringify(this.params)}${secrets})`
  }
}
