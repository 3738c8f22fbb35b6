import { describe, expect, it } from 'vitest'
import { actionsOf, type Machine } from '~/domain/state-machine'

/**
 * How a test drives one state machine through the real services: make a subject in the initial
 * state, read its stored row, and take each declared move the way the app does (a button's
 * service, a job, a webhook). `take` answers whether the service says the move happened.
 */
export type MachineDriver<S extends string, A extends string, T> = {
  create: () => Promise<T>
  read: (subject: T) => Promise<{ status: S }>
  take: Record<A, (subject: T) => Promise<boolean>>
}

/** The shortest run of `actions` from the initial state to every state they reach. */
function pathsTo<S extends string, A extends string>(machine: Machine<S, A>, actions: A[]): Map<S, A[]> {
  const paths = new Map<S, A[]>([[machine.initial, []]])
  const queue: S[] = [machine.initial]
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const action of actions) {
      const { from, to } = machine.transitions[action]
      if (!from.includes(state) || paths.has(to)) continue
      paths.set(to, [...paths.get(state)!, action])
      queue.push(to)
    }
  }
  return paths
}

/**
 * For every declared move and every state a subject can be in: from a declared `from` state the
 * service takes the move and the row lands in the declared `to`; from any other state the service
 * refuses and the row is exactly as it was. `onlyWhileCreating` names moves no service can take on
 * an existing row (they happen inside the creating request), each with the test that covers it.
 */
export function walkEveryTransition<S extends string, A extends string, T, K extends A = never>(
  name: string,
  machine: Machine<S, A>,
  driver: MachineDriver<S, Exclude<A, K>, T>,
  onlyWhileCreating?: Record<K, string>,
) {
  const skipped = new Set<A>(Object.keys(onlyWhileCreating ?? {}) as K[])
  const actions = actionsOf(machine).filter((action): action is Exclude<A, K> => !skipped.has(action))
  const cases = [...pathsTo(machine, actions)].flatMap(([state, path]) =>
    actions.map((action) => ({ state, path, action })),
  )
  describe(`the ${name} machine, walked through the services`, () => {
    it('reaches every state without the moves taken only while creating', () => {
      const everyMove = [...pathsTo(machine, actionsOf(machine)).keys()].sort()
      expect([...pathsTo(machine, actions).keys()].sort()).toEqual(everyMove)
    })

    it.each(cases)('$action from $state', async ({ state, path, action }) => {
      const subject = await driver.create()
      for (const step of path) expect(await driver.take[step](subject), `${step} on the way to ${state}`).toBe(true)
      const before = await driver.read(subject)
      expect(before.status).toBe(state)
      const done = await driver.take[action](subject).catch(() => false)
      const after = await driver.read(subject)
      const transition = machine.transitions[action]
      if (transition.from.includes(state)) {
        expect(done).toBe(true)
        expect(after.status).toBe(transition.to)
      } else {
        expect(done).toBe(false)
        expect(after).toEqual(before)
      }
    })
  })
}
