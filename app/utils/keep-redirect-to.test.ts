import { expect, it } from 'vitest'
import { keepRedirectTo, roleForDestination } from './keep-redirect-to'

it('carries where the visitor was going', () => {
  expect(keepRedirectTo('/sign-up', '/projects/p1/propose')).toBe('/sign-up?redirectTo=%2Fprojects%2Fp1%2Fpropose')
  expect(keepRedirectTo('/sign-up', null)).toBe('/sign-up')
})

it('reads the role a sign-up is for from where the visitor was going', () => {
  expect(roleForDestination('/projects/p1/propose')).toBe('freelancer')
  expect(roleForDestination('/projects/p1/propose?from=search')).toBe('freelancer')
  expect(roleForDestination('/projects/new')).toBe('client')
  expect(roleForDestination('/projects/p1')).toBeNull()
  expect(roleForDestination(null)).toBeNull()
})
