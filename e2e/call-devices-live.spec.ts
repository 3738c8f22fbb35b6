import type { Page } from '@playwright/test'
import { CALL_LAUNCH_OPTIONS, joinFromLobby, startCallFromContract } from './call-helpers'
import { createFixedContract } from './contract-fixtures'
import { expect, makeUser, test } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

// The lobby opens the camera and microphone, which only JavaScript does: this spec runs in the `js` project only.
test.use({ launchOptions: CALL_LAUNCH_OPTIONS })

/**
 * The browser answers as a computer without `missing` would: asking for it fails with Chromium's
 * NotFoundError. `window.devicesMissing` can be changed later, as when a headset is plugged in.
 */
async function withoutDevices(page: Page, missing: ('video' | 'audio')[]) {
  await page.addInitScript((initial) => {
    const state = window as unknown as { devicesMissing: string[] }
    state.devicesMissing = initial
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices)
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const asked = (['video', 'audio'] as const).filter((kind) => constraints?.[kind])
      if (asked.some((kind) => state.devicesMissing.includes(kind)))
        throw new DOMException('Requested device not found', 'NotFoundError')
      return open(constraints)
    }
  }, missing)
}

async function newcomerInACallRoom(page: Page, testInfo: Parameters<typeof signUpWithoutForm>[1]) {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  return startCallFromContract(page, contractId)
}

test('a computer with a microphone and no camera joins the call by voice, and the lobby says so', async ({
  page,
}, testInfo) => {
  await withoutDevices(page, ['video'])
  await newcomerInACallRoom(page, testInfo)
  await expect(
    page.getByText(
      'No camera could be opened, so you join with your microphone only: the others hear you but do not see you.',
    ),
  ).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await joinFromLobby(page)
})

test('with no camera or microphone the lobby says to plug one in, and Try again finds it', async ({
  page,
}, testInfo) => {
  await withoutDevices(page, ['video', 'audio'])
  await newcomerInACallRoom(page, testInfo)
  const problem = page.getByRole('alert').filter({ hasText: 'No camera or microphone could be opened' })
  await expect(problem).toHaveText(
    'No camera or microphone could be opened on this device. Plug one in, or close another app that is using it, then press Try again.',
  )
  // No browser wording such as "Requested device not found", and no advice to allow what is not there.
  await expect(page.getByText('Requested device not found')).toHaveCount(0)
  const join = page.getByRole('button', { name: 'Join the call' })
  await expect(join).toBeDisabled()
  // …and looks it, rather than like a button that does nothing when pressed.
  expect(await join.evaluate((button) => getComputedStyle(button).opacity)).toBe('0.55')

  await page.evaluate(() => {
    ;(window as unknown as { devicesMissing: string[] }).devicesMissing = []
  })
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(problem).toHaveCount(0)
  await joinFromLobby(page)
})
