import path from 'node:path'
import { expect, test } from '@playwright/test'
import {
  CALL_PAGE_ROUTES,
  ON_INTENT_CHUNKS,
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

test('chart.js is in no page’s load: the chart pages fetch it when a chart is touched, counted apart', () => {
  const [chartJs] = ON_INTENT_CHUNKS
  const weights = measureJsWeight(BUILD_DIR)
  const chartPages = weights.filter((page) => page.onIntent.some((chunk) => chunk.label === chartJs!.label))
  expect(chartPages.map((page) => page.kind).sort()).toEqual(['admin analytics', 'analytics', 'fraud desk', 'market'])
  for (const page of chartPages) {
    // chart.js itself (~58 KB gzip), not a stub: the page's own weight on load stays under 110 KB.
    expect(page.onIntent[0]!.gzipBytes, page.kind).toBeGreaterThan(40 * 1024)
    expect(page.gzipBytes, page.kind).toBeLessThanOrEqual(110 * 1024)
  }
})
