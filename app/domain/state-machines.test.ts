import { describe, expect, it } from 'vitest'
import {
  CRYPTO_PAYMENT_STATUSES,
  DISPUTE_STATUSES,
  INVOICE_STATUSES,
  MILESTONE_STATUSES,
  PAYOUT_STATUSES,
  PROPOSAL_STATUSES,
} from '~/domain/enums'
import { CRYPTO_PAYMENT_MACHINE } from './crypto-payment-machine'
import { DISPUTE_MACHINE, RUNNING_DISPUTE_STATES } from './dispute-machine'
import { INVOICE_MACHINE } from './invoice-machine'
import { DISPUTABLE_MILESTONE_STATES, MILESTONE_MACHINE } from './milestone-machine'
import { PAYOUT_MACHINE } from './payout-machine'
import { PROPOSAL_MACHINE } from './proposal-machine'
import { actionsOf, fromStates, type Machine } from './state-machine'

type AnyMachine = Machine<string, string>

/** Each machine, every state of its table, and the states nothing leaves (what the product calls final). */
const MACHINES: Array<{ name: string; machine: AnyMachine; states: readonly string[]; final: string[] }> = [
  {
    name: 'milestone',
    machine: MILESTONE_MACHINE,
    states: MILESTONE_STATUSES,
    final: ['released', 'refunded'],
  },
  {
    name: 'proposal',
    machine: PROPOSAL_MACHINE,
    states: PROPOSAL_STATUSES,
    final: ['declined', 'withdrawn', 'accepted', 'not_hired'],
  },
  { name: 'payout', machine: PAYOUT_MACHINE, states: PAYOUT_STATUSES, final: ['sent', 'failed', 'cancelled'] },
  { name: 'dispute', machine: DISPUTE_MACHINE, states: DISPUTE_STATUSES, final: ['decided'] },
  { name: 'invoice', machine: INVOICE_MACHINE, states: INVOICE_STATUSES, final: ['paid', 'void'] },
  {
    name: 'crypto payment request',
    machine: CRYPTO_PAYMENT_MACHINE,
    states: CRYPTO_PAYMENT_STATUSES,
    final: ['confirmed', 'expired'],
  },
]

function reachable(machine: AnyMachine): Set<string> {
  const seen = new Set([machine.initial])
  for (let grew = true; grew;) {
    grew = false
    for (const action of actionsOf(machine)) {
      const { from, to } = machine.transitions[action]!
      if (!seen.has(to) && from.some((state) => seen.has(state))) {
        seen.add(to)
        grew = true
      }
    }
  }
  return seen
}

describe.each(MACHINES)('the $name state machine', ({ machine, states, final }) => {
  const stored = states.filter((state) => !(state in (machine.notStored ?? {})))

  it('reaches every stored state from the initial one', () => {
    expect([...reachable(machine)].sort()).toEqual([...stored].sort())
  })

  it('has a way out of every state that is not final, and none out of a final one', () => {
    const withWayOut = stored.filter((state) =>
      actionsOf(machine).some((action) => machine.transitions[action]!.from.includes(state)),
    )
    expect(withWayOut.sort()).toEqual(stored.filter((state) => !final.includes(state)).sort())
  })

  it('names only states of its table, lets someone take every move, and never moves a state it does not store', () => {
    for (const action of actionsOf(machine)) {
      const transition = machine.transitions[action]!
      expect(transition.by.length).toBeGreaterThan(0)
      expect(transition.from.length).toBeGreaterThan(0)
      expect(states).toContain(transition.to)
      for (const state of transition.from) expect(stored).toContain(state)
      expect(stored).toContain(transition.to)
      expect(transition.effect.length).toBeGreaterThan(0)
    }
  })
})

describe('states derived from the declarations', () => {
  it('disputes milestones exactly in the states a dispute decision settles, whichever way it goes', () => {
    expect(DISPUTABLE_MILESTONE_STATES).toEqual(['funded', 'submitted', 'changes_requested'])
    expect(fromStates(MILESTONE_MACHINE, 'dispute_refund')).toEqual(DISPUTABLE_MILESTONE_STATES)
  })

  it('counts a dispute as running until it is decided', () => {
    expect(RUNNING_DISPUTE_STATES).toEqual(['open', 'responded'])
  })

  it('funds a milestone from the same state whether the client pays from the wallet or a payment arrives', () => {
    expect(fromStates(MILESTONE_MACHINE, 'fund_by_payment')).toEqual(fromStates(MILESTONE_MACHINE, 'fund'))
    expect(fromStates(MILESTONE_MACHINE, 'auto_approve')).toEqual(fromStates(MILESTONE_MACHINE, 'approve'))
  })
})
