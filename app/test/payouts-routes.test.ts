import { describe, expect, it } from 'vitest'
import { balanceOf } from '~/models/ledger.server'
import { findLatestOutboxMessageTo } from '~/models/outbox.server'
import { listPayoutMethodsOf, listPayoutsOf } from '~/models/payouts.server'
import { action as adminAction, loader as adminLoader } from '~/routes/_portal.admin.payouts'
import { action as bankAction, loader as bankLoader } from '~/routes/_portal.payouts.bank'
import { action as payoutsAction, loader as payoutsLoader } from '~/routes/_portal.payouts._index'
import { action as methodsAction } from '~/routes/_portal.payouts.methods'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie, steppedUpCookie } from './users'
import { freelancerWithWallet } from './wallet'
import { securityEventKindsOf, securityEventsOfKind } from './security-events'

const ADDRESS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045'

describe('payout methods', () => {
  it('asks for a recent second factor before adding one, then checks the address', async () => {
    const user = await freelancerWithWallet(100)
    const add = (cookie: string, address: string) =>
      run(
        methodsAction,
        formRequest('/payouts/methods', { intent: 'add-crypto', asset: 'USDC', network: 'ethereum', address }, cookie),
      )
    const stale = await add(await signedInCookie(user.id), ADDRESS)
    expect(stale.status).toBe(302)
    expect(stale.headers.get('location')).toBe('/settings/security/verify?redirectTo=%2Fpayouts%2Fmethods')
    const cookie = await steppedUpCookie(user.id)
    const typo = await add(cookie, ADDRESS.toLowerCase().replace('0xd8', '0xD8'))
    expect(typo.status).toBe(400)
    expect(securityEventKindsOf(user.id)).not.toContain('payout_method_added')
    const since = new Date()
    expect((await add(cookie, ADDRESS)).status).toBe(302)
    const [method] = await listPayoutMethodsOf(user.id)
    expect(method).toMatchObject({ rail: 'crypto', asset: 'USDC', network: 'ethereum', address: ADDRESS })
    // Where the earnings go is what an account thief changes first: the owner's log says so, and they are emailed.
    const added = await securityEventsOfKind(user.id, 'payout_method_added')
    expect(added.events).toMatchObject([
      { severity: 'high', ip: '203.0.113.7', detail: expect.stringContaining('USDC on Ethereum to 0xd8dA…6045') },
    ])
    const alert = await findLatestOutboxMessageTo(user.email, ['security_alert'], since)
    expect(alert?.subject).toBe('MegiLance security alert: Payout method added')
    expect(alert?.text).toContain('If it is not yours, remove it under Payouts → Payout methods.')

    const other = await createTestUser('freelancer')
    const notTheirs = await run(
      methodsAction,
      formRequest('/payouts/methods', { intent: 'remove', methodId: method!.id }, await steppedUpCookie(other.id)),
    )
    expect(notTheirs.status).toBe(404)
    const removed = await run(
      methodsAction,
      formRequest('/payouts/methods', { intent: 'remove', methodId: method!.id }, cookie),
    )
    expect(removed.status).toBe(302)
    expect(await listPayoutMethodsOf(user.id)).toHaveLength(0)
    expect((await securityEventsOfKind(user.id, 'payout_method_removed')).sortedDetails).toEqual([
      'USDC on Ethereum to 0xd8dA…6045',
    ])
    expect(securityEventKindsOf(other.id)).not.toContain('payout_method_removed')
  })

  it('records a sandbox bank account, keeping only the last four characters', async () => {
    const user = await freelancerWithWallet(100)
    const cookie = await steppedUpCookie(user.id)
    const bad = await addBank(cookie, 'DE00 3704 0044 0532 0130 00', 'de')
    expect(bad.status).toBe(400)
    const good = await addBank(cookie, 'DE89 3704 0044 0532 0130 00', 'de')
    expect(good.status).toBe(302)
    expect(await listPayoutMethodsOf(user.id)).toMatchObject([
      { rail: 'bank', provider: 'sandbox', country: 'DE', accountLast4: '3000' },
    ])
    expect((await securityEventsOfKind(user.id, 'payout_method_added')).events).toMatchObject([
      {
        severity: 'high',
        detail: expect.stringMatching(/^Farid .*bank account ending 3000 \(test account\)\. If it is not yours/),
      },
    ])
  })

  it('takes the bank country from the ISO list only, saying why another code is refused', async () => {
    const user = await freelancerWithWallet(100)
    const cookie = await steppedUpCookie(user.id)
    for (const country of ['ZZ', 'EU', 'UK']) {
      const refused = await addBank(cookie, 'DE89 3704 0044 0532 0130 00', country)
      expect(refused.status, country).toBe(400)
      expect(JSON.stringify(await refused.json())).toContain('Choose the bank’s country from the list.')
    }
    expect(await listPayoutMethodsOf(user.id)).toHaveLength(0)
    const page = await run(bankLoader, getRequest('/payouts/bank', cookie))
    const { countries } = (await page.json()) as { countries: { value: string; label: string }[] }
    expect(countries).toContainEqual({ value: 'DE', label: 'Germany' })
    expect(countries).toContainEqual({ value: 'GB', label: 'United Kingdom' })
    expect(countries.some((option) => option.value === 'UK')).toBe(false)
    expect((await addBank(cookie, 'GB82 WEST 1234 5698 7654 32', 'GB')).status).toBe(302)
    expect(await listPayoutMethodsOf(user.id)).toMatchObject([{ rail: 'bank', country: 'GB' }])
  })
})

/** Farid's bank account posted on /payouts/bank. */
function addBank(cookie: string, accountNumber: string, country = 'DE') {
  return run(bankAction, formRequest('/payouts/bank', { holderName: 'Farid Tester', country, accountNumber }, cookie))
}

/** A freelancer with `balanceMinor` in the wallet, a confirmed second factor and a bank payout method. */
async function withBank(balanceMinor: number) {
  const user = await freelancerWithWallet(balanceMinor)
  const cookie = await steppedUpCookie(user.id)
  await addBank(cookie, 'DE89370400440532013000')
  const [method] = await listPayoutMethodsOf(user.id)
  return { user, cookie, methodId: method!.id }
}

describe('requesting a payout through /payouts', () => {
  it('shows the fee, what arrives and when on review, and a double confirm pays out once', async () => {
    const { user, cookie, methodId } = await withBank(45_000)
    const fields = { methodId, currency: 'USD', amount: '300', speed: 'instant', idempotencyKey: 'route-key-0001' }
    const review = await run(payoutsAction, formRequest('/payouts', { intent: 'review', ...fields }, cookie))
    expect(review.status).toBe(200)
    expect((await review.json()).review).toMatchObject({
      currency: 'USD',
      amountMinor: 30_000,
      feeMinor: 300,
      receiveMinor: 29_700,
      minimumMinor: 1000,
      arrival: 'within 30 minutes',
      stepUpHref: null,
    })
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(45_000)
    const confirm = () => run(payoutsAction, formRequest('/payouts', { intent: 'confirm', ...fields }, cookie))
    const [first, second] = await Promise.all([confirm(), confirm()])
    expect([first.status, second.status]).toEqual([302, 302])
    expect(await listPayoutsOf(user.id)).toHaveLength(1)
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(15_000)
    // Back to the form that still carries the key, and a new amount: 409 saying what the key paid, nothing moves.
    const other = await run(
      payoutsAction,
      formRequest('/payouts', { intent: 'confirm', ...fields, amount: '100' }, cookie),
    )
    expect(other.status).toBe(409)
    expect((await other.json()).result.error['']).toEqual([
      expect.stringContaining('This request was already used for a different payout of $300 (instant)'),
    ])
    expect(await listPayoutsOf(user.id)).toHaveLength(1)
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(15_000)
  })

  it('refuses below the minimum with 400, and is for freelancers only', async () => {
    const { cookie, methodId } = await withBank(45_000)
    const low = await run(
      payoutsAction,
      formRequest(
        '/payouts',
        {
          intent: 'review',
          methodId,
          currency: 'USD',
          amount: '9.99',
          speed: 'standard',
          idempotencyKey: 'route-key-0002',
        },
        cookie,
      ),
    )
    expect(low.status).toBe(400)
    expect(JSON.stringify(await low.json())).toContain('The minimum payout to a bank account is $10.')
    const client = await createTestUser('client')
    expect((await run(payoutsLoader, getRequest('/payouts', await signedInCookie(client.id)))).status).toBe(403)
  })

  it('asks for a second factor before a payout of $1,000 or more, and comes back with the form filled in', async () => {
    const { user, methodId } = await withBank(150_000)
    const stale = await signedInCookie(user.id)
    const fields = { methodId, currency: 'USD', amount: '1200', speed: 'standard', idempotencyKey: 'route-key-0003' }
    const review = await run(payoutsAction, formRequest('/payouts', { intent: 'review', ...fields }, stale))
    expect((await review.json()).review.stepUpHref).toMatch(
      /^\/settings\/security\/verify\?redirectTo=%2Fpayouts%3FmethodId%3D/,
    )
    const confirm = await run(payoutsAction, formRequest('/payouts', { intent: 'confirm', ...fields }, stale))
    expect(confirm.status).toBe(302)
    expect(decodeURIComponent(confirm.headers.get('location') ?? '')).toContain('amount=1200')
    expect(await listPayoutsOf(user.id)).toHaveLength(0)
  })
})

describe('admin payouts', () => {
  it('holds with a reason, answers 409 naming what is allowed, 400 without a reason, 403 for others', async () => {
    const { user, cookie, methodId } = await withBank(45_000)
    await run(
      payoutsAction,
      formRequest(
        '/payouts',
        {
          intent: 'confirm',
          methodId,
          currency: 'USD',
          amount: '100',
          speed: 'standard',
          idempotencyKey: 'admin-key-0001',
        },
        cookie,
      ),
    )
    const [payout] = await listPayoutsOf(user.id)
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const act = (intent: string, reason: string, who = adminCookie) =>
      run(adminAction, formRequest('/admin/payouts', { intent, payoutId: payout!.id, reason }, who))

    expect((await act('hold', 'Checking', cookie)).status).toBe(403)
    expect((await act('hold', 'no')).status).toBe(400)
    expect((await act('hold', 'New bank account, checking it')).status).toBe(302)
    const again = await act('hold', 'Again please')
    expect(again.status).toBe(409)
    expect(JSON.stringify(await again.json())).toContain('You can: release, cancel.')
    expect((await act('cancel', 'Account could not be verified')).status).toBe(302)
    expect(await balanceOf({ kind: 'wallet', ownerId: user.id, currency: 'USD' })).toBe(45_000)

    const list = await (
      await run(adminLoader, getRequest('/admin/payouts?status=cancelled&rail=bank', adminCookie))
    ).json()
    expect(list.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: payout!.id, statusReason: 'Account could not be verified', actions: [] }),
      ]),
    )
    const mine = await (await run(payoutsLoader, getRequest('/payouts', cookie))).json()
    expect(mine.payouts[0]).toMatchObject({
      statusLabel: 'Cancelled — returned to your wallet',
      statusReason: 'Account could not be verified',
    })
  })
})
