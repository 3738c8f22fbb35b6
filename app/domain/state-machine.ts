/**
 * The shape every state machine is declared in (milestone, proposal, payout, dispute, invoice,
 * crypto payment request): each transition says who may take it, from which states, to which
 * state, and what runs with it. The declarations drive the buttons, the permission checks, the
 * 409 messages and the `from` states of the conditional updates in the database, so a reader sees
 * a whole flow in one file. Pure: no I/O, importable by models, services and components.
 */

/** Who takes a transition: a side of a contract, an admin, or the platform itself (jobs, webhooks, money moves). */
export type Actor = 'client' | 'freelancer' | 'admin' | 'platform'

export type Transition<S extends string> = {
  by: readonly Actor[]
  from: readonly S[]
  to: S
  /** The button or log wording, e.g. "Approve and release". */
  label: string
  /** What else happens in the same step (money, rows, notices), in a few words. */
  effect: string
}

export type Machine<S extends string, A extends string> = {
  /** The state a new row starts in. */
  initial: S
  transitions: Record<A, Transition<S>>
  /** States of the shared enum that are never stored (recorded only in the activity log), with why. */
  notStored?: Partial<Record<S, string>>
}

/**
 * Declares a machine over the states `S`; the action names are inferred from the keys, and each
 * transition keeps its literal `to` (so `toState` says exactly which state it lands in).
 */
export function defineMachine<S extends string>() {
  return <const T extends Record<string, Transition<S>>>(machine: {
    initial: S
    transitions: T
    notStored?: Partial<Record<S, string>>
  }) => machine as Machine<S, keyof T & string> & { transitions: T }
}

/** The states `action` moves a row out of: the `from` of its conditional update. */
export function fromStates<S extends string, A extends string>(machine: Machine<S, A>, action: A): S[] {
  return [...machine.transitions[action].from]
}

/** The state `action` lands in. */
export function toState<T extends Record<string, { to: string }>, A extends keyof T>(
  machine: { transitions: T },
  action: A,
): T[A]['to'] {
  return (machine.transitions[action] as T[A]).to
}

/** Whether `actor` may take `action` from `status`. */
export function canTake<S extends string, A extends string>(
  machine: Machine<S, A>,
  action: A,
  status: S,
  actor: Actor,
): boolean {
  const transition = machine.transitions[action]
  return transition.by.includes(actor) && transition.from.includes(status)
}

/** Every action of the machine, in declaration order. */
export function actionsOf<S extends string, A extends string>(machine: Machine<S, A>): A[] {
  return Object.keys(machine.transitions) as A[]
}

/** What `actor` may do from `status`, in declaration order. */
export function actionsOpenTo<S extends string, A extends string>(
  machine: Machine<S, A>,
  status: S,
  actor: Actor,
): A[] {
  return actionsOf(machine).filter((action) => canTake(machine, action, status, actor))
}
