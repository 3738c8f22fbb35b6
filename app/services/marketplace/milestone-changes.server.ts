import { MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { changeMilestone } from '~/models/contracts.server'

type MilestoneAction = keyof typeof MILESTONE_MACHINE.transitions
type Change = Parameters<typeof changeMilestone>[0]
/** The log line of the change itself: its kind is the state the milestone moves to (`milestone.funded`). */
type MovedLine = { actorId: string | null; detail: string }

/**
 * Takes `action` of MILESTONE_MACHINE: the conditional update moves the milestone from the action's
 * `from` states to its `to` state, with the other columns of `set`, the ledger postings and the log
 * lines, in one transaction. False when the milestone was no longer in those states (nothing written).
 * `moved` adds the log line named after the new state.
 */
export function takeMilestoneAction(
  action: MilestoneAction,
  {
    moved,
    lines = [],
    ...change
  }: Omit<Change, 'from' | 'set' | 'lines'> & {
    set: Omit<Change['set'], 'status'>
    lines?: Change['lines']
    moved?: MovedLine
  },
): boolean {
  const to = toState(MILESTONE_MACHINE, action)
  return changeMilestone({
    ...change,
    from: fromStates(MILESTONE_MACHINE, action),
    set: { ...change.set, status: to },
    lines: moved ? [...lines, { ...moved, kind: `milestone.${to}` }] : lines,
  })
}
