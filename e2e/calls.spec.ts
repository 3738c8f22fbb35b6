import { startCallFromContract } from './call-helpers'
import { clientAndFreelancerOnAContract } from './contract-pair'
import { insertContractMeeting, insertEndedContractCall } from './call-fixtures'
import { createFixedContract } from './contract-fixtures'
import { expect, isJavaScriptEnabled, makeUser, newBrowserContext, test } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

test('a call is started from a contract and kept on the Calls pages; the room says it needs JavaScript when it is off', async ({
  page,
  browser,
}, testInfo) => {
  const { freelancerContext, freelancerPage, contractId, title } = await clientAndFreelancerOnAContract(
    page,
    browser,
    testInfo,
  )

  const { roomPath, callPath } = await startCallFromContract(page, contractId)
  if (isJavaScriptEnabled(testInfo)) {
    await expect(page.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible()
  } else {
    await expect(page.getByRole('heading', { name: 'Calls need JavaScript' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to the call’s page' }).click()
    await expect(page).toHaveURL(callPath)
  }

  // The other side finds it on their Calls page and on the contract, going on.
  await freelancerPage.getByRole('link', { name: 'Calls' }).click()
  await freelancerPage.getByRole('link', { name: title }).click()
  await expect(freelancerPage).toHaveURL(callPath)
  await expect(freelancerPage.getByRole('heading', { name: `Call: ${title}` })).toBeVisible()
  await expect(freelancerPage.getByText('Nobody has joined yet.')).toBeVisible()
  await expect(freelancerPage.getByRole('link', { name: 'Join the call' })).toHaveAttribute('href', roomPath)
  await freelancerPage.goto(`/contracts/${contractId}`)
  await expect(freelancerPage.getByRole('button', { name: 'Join the call' })).toBeVisible()

  // Inviting by email works as a plain form.
  const guest = makeUser('client')
  const guestContext = await newBrowserContext(browser, testInfo)
  const guestPage = await guestContext.newPage()
  await signUpWithoutForm(guestPage, testInfo, guest)
  expect((await guestPage.goto(callPath))?.status()).toBe(404)
  await freelancerPage.goto(callPath)
  await freelancerPage.getByLabel('Invite someone by email').fill(guest.email)
  await freelancerPage.getByRole('button', { name: 'Invite to the call' }).click()
  await expect(freelancerPage.getByText(`${guest.name} is invited`).first()).toBeVisible()
  expect((await guestPage.goto(callPath))?.status()).toBe(200)

  await Promise.all([freelancerContext.close(), guestContext.close()])
})

test('a meeting’s call room gives the meeting’s time on the person’s own clock, and its calendar file', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  // The client's time zone, as their Meetings page shows times in.
  await page.goto('/settings/availability')
  await page.getByLabel('Time zone').selectOption('America/New_York')
  await page.getByRole('button', { name: 'Save availability' }).click()
  await expect(page.getByText('Availability saved').first()).toBeVisible()
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  const meetingId = await insertContractMeeting(contractId, client.email, new Date('2030-03-04T15:30:00Z'))
  const response = await page.request.post('/calls/start', { form: { meetingId }, maxRedirects: 0 })
  expect(response.status()).toBe(302)
  await page.goto(response.headers().location!)
  // 15:30 UTC is 10:30 in New York (before the clocks change on 10 March), as on the Meetings page.
  await expect(page.getByText('For the meeting “Kick-off” at Mon 4 Mar 2030, 10:30 (America/New_York).')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Add it to your calendar (.ics)' })).toHaveAttribute(
    'href',
    `/meetings/${meetingId}.ics`,
  )
})

test('a call that ended offers no Join: its room and page say it has ended and start a new one with the same people', async ({
  page,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Design', amountMinor: 50_000 }],
  })
  const callId = await insertEndedContractCall(contractId, client.email, 5)

  // The room: no lobby, no "needs JavaScript", but when it ended and what next; on a phone too.
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`/calls/${callId}/room`)
  await expect(page.getByRole('heading', { name: 'This call has ended' })).toBeVisible()
  await expect(page.getByText(/^It ended \d/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Join the call' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Calls need JavaScript' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Back to the contract' })).toHaveAttribute(
    'href',
    `/contracts/${contractId}`,
  )

  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    'nothing pushes the page sideways',
  ).toBeLessThanOrEqual(360)

  // The call's page says the same, with no Join link.
  await page.goto(`/calls/${callId}`)
  await expect(page.getByRole('heading', { name: 'This call has ended' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Join the call' })).toHaveCount(0)

  // Starting again opens a new call's room, in the same conversation.
  await page.getByRole('button', { name: 'Start a new call with the same people' }).click()
  await expect(page).toHaveURL(/\/calls\/[^/]+\/room$/)
  expect(new URL(page.url()).pathname).not.toBe(`/calls/${callId}/room`)
  await expect(page.getByRole('heading', { name: 'This call has ended' })).toHaveCount(0)
})
