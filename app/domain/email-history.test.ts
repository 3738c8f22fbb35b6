import { describe, expect, it } from 'vitest'
import { restorableChanges } from './email-history'

const byCode = (id: string, oldEmail: string) => ({ id, oldEmail, confirmedBy: 'code_to_new_address' as const })
const byAdmin = (id: string, oldEmail: string) => ({ id, oldEmail, confirmedBy: 'restored_by_admin' as const })

describe('which earlier addresses an admin may put back', () => {
  it('offers each earlier address once, by its latest change, never the current one', () => {
    // a → b → a → c (newest first below): a and b are earlier; a's latest change away is the third.
    const history = [byCode('3', 'a@x.test'), byCode('2', 'b@x.test'), byCode('1', 'a@x.test')]
    expect(restorableChanges(history, 'c@x.test').map((change) => change.id)).toEqual(['3', '2'])
    expect(restorableChanges(history, 'a@x.test').map((change) => change.id)).toEqual(['2'])
  })

  it('never offers back an address an admin restore took off the account', () => {
    // a → taker (by code), then an admin put a back (taker → a).
    const history = [byAdmin('2', 'taker@x.test'), byCode('1', 'a@x.test')]
    expect(restorableChanges(history, 'a@x.test')).toEqual([])
  })
})
