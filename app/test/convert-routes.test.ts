import { describe, expect, it } from 'vitest'
import { listFavouriteCurrencies } from '~/models/currency-favourites.server'
import { action, loader } from '~/routes/_portal.convert'
import { MAX_FAVOURITE_CURRENCIES, setFavouriteCurrency } from '~/services/payments/rates/currency-favourites.server'
import type { ConvertPage } from '~/services/payments/rates/convert-page.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function signedIn(role: 'client' | 'freelancer' | 'admin' = 'client') {
  const user = await createTestUser(role)
  return { user, cookie: await signedInCookie(user.id) }
}

describe('/convert', () => {
  it('sends anonymous visitors to sign-in', async () => {
    const response = await run(loader, getRequest('/convert?amount=100'))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^\/sign-in\?redirectTo=/)
  })

  it('converts for every role, with the rate, its source and its age', async () => {
    for (const role of ['client', 'freelancer', 'admin'] as const) {
      const { cookie } = await signedIn(role)
      const response = await run(loader, getRequest('/convert?amount=100&from=USD&to=EUR', cookie))
      expect(response.status).toBe(200)
      const page = (await response.json()) as ConvertPage
      expect(page.conversion).toMatchObject({
        amount: { minor: '10000', currency: 'USD' },
        result: { minor: '8621', currency: 'EUR' },
        rate: '0.86206897',
        source: 'snapshot',
      })
      expect(page.conversion?.asOfText).toBe('1 Dec 2026, 16:00 UTC')
      expect(page.conversion?.age).toMatch(/old$/)
    }
  })

  it('answers 400 with the message and the typed value for a bad amount', async () => {
    const { cookie } = await signedIn()
    const response = await run(loader, getRequest('/convert?amount=12%2C5x&from=USD&to=EUR', cookie))
    expect(response.status).toBe(400)
    const page = (await response.json()) as ConvertPage
    expect(page.values.amount).toBe('12,5x')
    expect(page.errors?.amount).toEqual([
      '“12,5x” is not an amount: use digits and at most one decimal point, e.g. 100 or 99.95',
    ])
    expect(page.conversion).toBeNull()
  })

  it('asks for an amount when Convert is pressed without one, but not for a search', async () => {
    const { cookie } = await signedIn()
    const empty = await run(loader, getRequest('/convert?amount=&from=USD&to=EUR&q=', cookie))
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as ConvertPage).errors?.amount).toEqual(['Enter an amount, e.g. 100'])
    const search = await run(loader, getRequest('/convert?amount=&from=USD&to=EUR&q=peso', cookie))
    expect(search.status).toBe(200)
    expect(((await search.json()) as ConvertPage).matches?.map((c) => c.code)).toContain('MXN')
  })

  it('says "no rate" for a currency nobody prices instead of inventing one', async () => {
    const { cookie } = await signedIn()
    const page = (await (
      await run(loader, getRequest('/convert?amount=5&from=USD&to=ZWG', cookie))
    ).json()) as ConvertPage
    expect(page.conversion).toBeNull()
    expect(page.noRate).toMatch(/^No rate for ZWG/)
  })

  it('stars and unstars currencies by POST and goes back to the same conversion', async () => {
    const { user, cookie } = await signedIn()
    const fields = { amount: '250', from: 'USD', to: 'EUR', q: 'swiss' }
    const starred = await run(action, formRequest('/convert', { ...fields, star: 'chf' }, cookie))
    expect(starred.status).toBe(302)
    expect(starred.headers.get('location')).toBe('/convert?amount=250&from=USD&to=EUR&q=swiss')
    expect(await listFavouriteCurrencies(user.id)).toEqual(['CHF'])

    const page = (await (await run(loader, getRequest('/convert?q=swiss', cookie))).json()) as ConvertPage
    expect(page.choices.favourites.map((c) => c.code)).toEqual(['CHF'])
    expect(page.matches?.find((c) => c.code === 'CHF')?.favourite).toBe(true)

    await run(action, formRequest('/convert', { ...fields, unstar: 'CHF' }, cookie))
    expect(await listFavouriteCurrencies(user.id)).toEqual([])
  })

  it('refuses unknown codes and more than the maximum of favourites', async () => {
    const { user } = await signedIn()
    expect(await setFavouriteCurrency(user.id, 'XYZ', true)).toMatchObject({ ok: false, reason: 'invalid' })
    for (const code of [
      'USD',
      'EUR',
      'GBP',
      'JPY',
      'CHF',
      'CAD',
      'AUD',
      'NZD',
      'SEK',
      'NOK',
      'DKK',
      'PLN',
      'CZK',
      'HUF',
      'INR',
      'PKR',
      'BRL',
      'MXN',
      'ZAR',
      'BTC',
    ]) {
      expect((await setFavouriteCurrency(user.id, code, true)).ok).toBe(true)
    }
    expect(await setFavouriteCurrency(user.id, 'ETH', true)).toMatchObject({ ok: false, reason: 'conflict' })
    // Starring one that is already a favourite is harmless.
    expect((await setFavouriteCurrency(user.id, 'USD', true)).ok).toBe(true)
    expect(await listFavouriteCurrencies(user.id)).toHaveLength(MAX_FAVOURITE_CURRENCIES)
  })

  it('answers 400 to a POST that names no currency', async () => {
    const { cookie } = await signedIn()
    expect((await run(action, formRequest('/convert', { amount: '1' }, cookie))).status).toBe(400)
  })
})
