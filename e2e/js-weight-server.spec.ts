import path from 'node:path'
import { expect, test } from '@playwright/test'
import { CALL_PAGE_ROUTES, PAGE_KINDS, compareWithBaseline, measureJsWeight, peerJsModules } from '../bench/js-weight'

// Reads the production build the suite serves (no browser); it runs in the js project only.
const BUILD_DIR = path.resolve('public/build')

test('PeerJS and the call code load on call pages only', () => {
  for (const { route } of PAGE_KINDS) {
    expect(peerJsModules(BUILD_DIR, route), `${route} loads PeerJS`).toEqual([])
  }
  for (const route of CALL_PAGE_ROUTES) {
    expect(peerJsModules(BUILD_DIR, route).length, `${route} should load PeerJS`).toBeGreaterThan(0)
  }
})

test('no other page carries more JavaScript than before calls were added', () => {
  const grown = compareWithBaseline(measureJsWeight(BUILD_DIR)).filter((page) => page.grown)
  expect(grown.map(({ kind, change }) => `${kind}: +${change} bytes`)).toEqual([])
})
