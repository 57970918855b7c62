/** The snapshot types live in the contract (src/shared/sessions.ts); re-exported for the engine. */
export * from '../../../shared/sessions'
