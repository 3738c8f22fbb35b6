import { MILESTONE_MACHINE } from '~/domain/milestone-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { changeMilestone } from '~/models/contracts.server'

type MilestoneAction = keyof typeof MILESTONE_MACHINE.transitions
type Change = Parameters<typeof changeMilestone>[0]

/**
 * Takes `action` of MILESTONE_MACHINE: the conditional update moves the milestone from the action's
 * `from` states to its `to` state, with the other columns of `set`, the ledger postings and the log
 * lines, in one transaction. False when the milestone was no longer in those states (nothing written).
 */
export function takeMilestoneAction(
  action: MilestoneAction,
  change: Omit<Change, 'from' | 'set'> & { set: Omit<Change['set'], 'status'> },
): boolean {
  return changeMilestone({
    ...change,
    from: fromStates(MILESTONE_MACHINE, action),
    set: { ...change.set, status: toState(MILESTONE_MACHINE, action) },
  })
}
