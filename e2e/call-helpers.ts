import { expect, type Page } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium-launch'

/**
 * The browser of a spec that joins calls: Chromium's fake camera (a moving picture) and microphone
 * (a beep), allowed without a prompt; the fake prompt also picks the whole (headless, 1280×720)
 * screen for getDisplayMedia. Sound may play before anyone clicks, so an analyser can listen.
 * Use as `test.use({ launchOptions: CALL_LAUNCH_OPTIONS })`.
 */
export const CALL_LAUNCH_OPTIONS = {
  ...CHROMIUM_LAUNCH,
  args: [
    ...CHROMIUM_LAUNCH.args,
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ],
}

/** The client presses "Start a call" on the contract's page and lands in the call's room (its lobby). */
export async function startCallFromContract(page: Page, contractId: string) {
  await page.goto(`/contracts/${contractId}`)
  await page.getByRole('button', { name: 'Start a call' }).click()
  await expect(page).toHaveURL(/\/calls\/[^/]+\/room$/)
  const roomPath = new URL(page.url()).pathname
  const callPath = roomPath.replace(/\/room$/, '')
  return { roomPath, callPath, callId: callPath.split('/').pop()! }
}

/** Joins from the lobby (at `quality` when given) and waits until the room says "In the call". */
export async function joinFromLobby(page: Page, quality?: string) {
  if (quality) await page.getByLabel('Video quality').selectOption(quality)
  const join = page.getByRole('button', { name: 'Join the call' })
  await expect(join).toBeEnabled({ timeout: 15_000 })
  await join.click()
  await expect(page.getByRole('status').filter({ hasText: 'In the call' })).toBeVisible({ timeout: 15_000 })
}

/** The videos of the other people in the call, one each. */
export const remoteVideos = (page: Page) => page.locator('video[data-remote-peer]')
