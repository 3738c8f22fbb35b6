import { describe, expect, it } from 'vitest'
import { checkPayoutAction } from './payout-transitions'

describe('payout state machine', () => {
  it('lets a waiting payout be held, released or cancelled, and a held one released or cancelled', () => {
    expect(checkPayoutAction('hold', 'requested')).toEqual({ ok: true, to: 'held' })
    expect(checkPayoutAction('release', 'held')).toEqual({ ok: true, to: 'sent' })
    expect(checkPayoutAction('cancel', 'held')).toEqual({ ok: true, to: 'cancelled' })
  })

  it('names what is allowed instead when a transition is not', () => {
    expect(checkPayoutAction('hold', 'held')).toEqual({
      ok: false,
      message: 'You cannot hold this payout. It is “held for review”. You can: release, cancel.',
    })
    expect(checkPayoutAction('cancel', 'sent')).toEqual({
      ok: false,
      message: 'You cannot cancel this payout. It is “sent”. It is final; nothing more can be done to it.',
    })
    expect(checkPayoutAction('release', 'cancelled').ok).toBe(false)
  })
})
