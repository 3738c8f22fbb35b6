import { describe, expect, it } from 'vitest'
import { accountLinks } from './account-links.server'

describe('accountLinks', () => {
  it('keeps the redirectTo a visitor arrived with on both links', () => {
    const url = new URL('http://localhost/sign-in?redirectTo=%2Fprojects%2Fp1%2Fpropose')
    expect(accountLinks(url)).toEqual({
      signIn: '/sign-in?redirectTo=%2Fprojects%2Fp1%2Fpropose',
      signUp: '/sign-up?redirectTo=%2Fprojects%2Fp1%2Fpropose',
    })
  })

  it('gives the plain links without one, or when it would leave the site', () => {
    const plain = { signIn: '/sign-in', signUp: '/sign-up' }
    expect(accountLinks(new URL('http://localhost/projects'))).toEqual(plain)
    expect(accountLinks(new URL('http://localhost/sign-up?redirectTo=%2F%2Fevil.example'))).toEqual(plain)
    expect(accountLinks(new URL('http://localhost/sign-up?redirectTo=https%3A%2F%2Fevil.example'))).toEqual(plain)
  })
})
