import path from 'node:path'
import { expect, test } from '@playwright/test'
import {
  CALL_PAGE_ROUTES,
  PAGE_KINDS,
  compareWithBaseline,
  measureJsWeight,
  peerJsModules,
  routeIds,
  zodModules,
} from '../bench/js-weight'

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

test('zod loads on call pages only: every form is validated on the server', () => {
  const pages = routeIds(BUILD_DIR).filter((route) => !CALL_PAGE_ROUTES.includes(route))
  expect(pages.length).toBeGreaterThan(100)
  expect(pages.filter((route) => zodModules(BUILD_DIR, route).length > 0)).toEqual([])
  // The call room checks whiteboard strokes from other browsers with zod: the search finds it there.
  for (const route of CALL_PAGE_ROUTES) {
    expect(zodModules(BUILD_DIR, route).length, `${route} should load zod`).toBeGreaterThan(0)
  }
})

test('no other page carries more JavaScript than before calls were added', () => {
  const grown = compareWithBaseline(measureJsWeight(BUILD_DIR)).filter((page) => page.grown)
  expect(grown.map(({ kind, change }) => `${kind}: +${change} bytes`)).toEqual([])
})
