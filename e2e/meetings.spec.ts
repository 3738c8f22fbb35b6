import { clientAndFreelancerOnAContract } from './contract-pair'
import type { Page } from '@playwright/test'
import { expect, isJavaScriptEnabled, makeUser, newBrowserContext, test, toast } from './fixtures'
import { outboxMessagesTo, parseIcs, runRemindersAt, setDailyAvailability } from './meeting-fixtures'
import { signUpWithoutForm } from './user-fixtures'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MINUTE_MS = 60_000

/** "HH:MM" of an instant on the clock of `timeZone`. */
function clockIn(timeZone: string, iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  )
}

/** The .ics the meeting's page links to, fetched with this browser's cookies. */
async function downloadIcs(page: Page, meetingId: string) {
  const response = await page.request.get(`/meetings/${meetingId}.ics`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('text/calendar')
  return parseIcs(await response.text())
}

test('a client in New York books a weekly meeting with a freelancer in Karachi; invitations, reschedule, reminder once, cancel', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  const { client, freelancer, freelancerContext, freelancerPage, contractId } = await clientAndFreelancerOnAContract(
    page,
    browser,
    testInfo,
  )
  // The freelancer's hours by fixture: 17:00–23:00 in Karachi (12:00–18:00 UTC).
  await setDailyAvailability(freelancer.email, 'Asia/Karachi', '17:00', '23:00')

  // The client sets theirs through the form: 08:00–12:00 in New York, every day.
  await page.goto('/settings')
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Availability' }).click()
  await expect(page.getByRole('heading', { name: 'Availability' })).toBeVisible()
  await page.getByLabel('Time zone').selectOption('America/New_York')
  for (const day of WEEKDAYS) {
    await page.getByLabel(`${day} from`, { exact: true }).fill('08:00')
    await page.getByLabel(`${day} to`, { exact: true }).fill('12:00')
  }
  await page.getByRole('button', { name: 'Save availability' }).click()
  await expect(toast(page)).toContainText('Availability saved: 7 weekly windows.')
  await expect(page.getByLabel('Monday from', { exact: true })).toHaveValue('08:00')

  // From the contract, the client books a weekly meeting in a slot shown on New York's clock.
  await page.goto(`/contracts/${contractId}`)
  await page.getByRole('link', { name: 'Schedule a meeting' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Schedule a meeting with ${freelancer.name}` }),
  ).toBeVisible()
  await expect(page.getByText('Times are shown in your time zone, America/New_York')).toBeVisible()
  // The page streams in: read the slots once it has all arrived.
  await page.waitForLoadState('load')
  // The last offered time, days ahead: the server's own reminder job (real clock) stays out of it.
  const startsAt = (await page.getByRole('radio').last().getAttribute('value'))!
  const slot = page.locator(`input[type="radio"][value="${startsAt}"]`)
  await expect(page.locator(`label:has(input[value="${startsAt}"])`)).toHaveText(clockIn('America/New_York', startsAt))
  const newYorkTime = clockIn('America/New_York', startsAt)
  expect(newYorkTime >= '08:00' && newYorkTime < '12:00').toBe(true)
  const title = `Weekly review ${crypto.randomUUID().slice(0, 6)}`
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Agenda (optional)').fill('Progress on the design')
  await slot.check()
  await page.getByLabel('Repeats').selectOption('weekly')
  await page.getByLabel('Number of times in all').fill('4')
  // A series keeps the organiser's clock (09:30 in New York stays 09:30 there), and the form says so.
  await expect(page.getByText('Each time is at the same time of day in America/New_York as the first')).toBeVisible()
  await page.getByRole('button', { name: 'Book the meeting' }).click()
  await expect(toast(page)).toContainText(`Meeting booked: “${title}”`)
  await expect(page).toHaveURL((url) => url.pathname === '/meetings')
  const upcoming = page
    .getByRole('list', { name: 'Upcoming meetings' })
    .getByRole('listitem')
    .filter({ hasText: title })
  await expect(upcoming).toContainText(`With ${freelancer.name}`)
  await expect(upcoming).toContainText('Every week, 4 times')
  await expect(upcoming.getByRole('button', { name: `Join “${title}”` })).toBeVisible()
  const meetingId = (await upcoming.getByRole('link', { name: title, exact: true }).getAttribute('href'))!
    .split('/')
    .pop()!

  // The calendar file: DTSTART on New York's clock at the chosen instant, a weekly RRULE.
  const booked = await downloadIcs(page, meetingId)
  expect(booked).toMatchObject({
    method: 'REQUEST',
    sequence: 0,
    start: startsAt,
    timeZone: 'America/New_York',
    rrule: { freq: 'WEEKLY', interval: 1, count: 4 },
  })
  // Both got the invitation by email, the .ics attached.
  for (const email of [client.email, freelancer.email]) {
    const [invitation] = await outboxMessagesTo(email, `Meeting invitation: “${title}”`)
    expect(parseIcs(invitation!.attachments![0]!.content)).toMatchObject({ method: 'REQUEST', uid: booked.uid })
  }

  // The freelancer sees it on Karachi's clock and moves it to another offered time.
  await freelancerPage.goto('/meetings')
  await expect(freelancerPage.getByText('Times are in your time zone, Asia/Karachi.')).toBeVisible()
  await freelancerPage.getByRole('link', { name: `Reschedule “${title}”` }).click()
  await freelancerPage.waitForLoadState('load')
  const newSlots = freelancerPage.getByRole('radio')
  const movedTo = (await newSlots.nth((await newSlots.count()) - 3).getAttribute('value'))!
  const newSlot = freelancerPage.locator(`input[type="radio"][value="${movedTo}"]`)
  expect(movedTo).not.toBe(startsAt)
  await expect(freelancerPage.locator(`label:has(input[value="${movedTo}"])`)).toHaveText(
    clockIn('Asia/Karachi', movedTo),
  )
  await newSlot.check()
  await freelancerPage.getByRole('button', { name: 'Move the meeting' }).click()
  await expect(toast(freelancerPage)).toContainText(`Meeting moved: “${title}”`)
  const moved = await downloadIcs(freelancerPage, meetingId)
  expect(moved).toMatchObject({ method: 'REQUEST', uid: booked.uid, start: movedTo, timeZone: 'America/New_York' })
  expect(moved.sequence).toBeGreaterThan(booked.sequence)

  // The reminder job, with the clock 15 minutes before the meeting, run twice: one reminder each.
  const remindAt = new Date(Date.parse(movedTo) - 15 * MINUTE_MS)
  await runRemindersAt(remindAt)
  await runRemindersAt(remindAt)
  for (const email of [client.email, freelancer.email])
    expect(await outboxMessagesTo(email, `Reminder: “${title}”`)).toHaveLength(1)

  // The client cancels, after confirming; the calendars get METHOD:CANCEL.
  await page.goto('/meetings')
  await page.getByRole('link', { name: `Cancel “${title}”` }).click()
  await expect(page.getByRole('heading', { name: 'Cancel this meeting?' })).toBeVisible()
  await page.getByRole('button', { name: 'Yes, cancel the meeting' }).click()
  await expect(toast(page)).toContainText(`Meeting cancelled: “${title}”`)
  await expect(
    page.getByRole('list', { name: 'Past and cancelled meetings' }).getByRole('listitem').filter({ hasText: title }),
  ).toContainText('Cancelled')
  const [cancellation] = await outboxMessagesTo(freelancer.email, `Meeting cancelled: “${title}”`)
  const cancelled = parseIcs(cancellation!.attachments![0]!.content)
  expect(cancelled).toMatchObject({ method: 'CANCEL', uid: booked.uid })
  expect(cancelled.sequence).toBeGreaterThan(moved.sequence)
  expect((await downloadIcs(page, meetingId)).method).toBe('CANCEL')
  await freelancerContext.close()
})

test('a stranger gets 404 for the booking page, a meeting and its .ics', async ({ page, browser }, testInfo) => {
  const { freelancerContext, contractId } = await clientAndFreelancerOnAContract(page, browser, testInfo)
  await page.goto(`/meetings/new?contract=${contractId}`)
  const conversationId = new URL(page.url()).searchParams.get('conversation')
  expect(conversationId).toBeTruthy()
  // Neither has set hours yet: the page says who must.
  const theirs = page.getByText('has not set their availability yet')
  await expect(theirs).toBeVisible()
  // …and where to ask them.
  await expect(theirs.getByRole('link', { name: 'your messages' })).toHaveAttribute(
    'href',
    `/messages/${conversationId}`,
  )
  // With no time to offer, no form to fill in and send in vain: it says there is nothing to book yet.
  await expect(
    page.getByText('No time in the next 14 days suits you both, so there is nothing to book yet.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Book the meeting' })).toHaveCount(0)

  const strangerContext = await newBrowserContext(browser, testInfo)
  const stranger = await strangerContext.newPage()
  await signUpWithoutForm(stranger, testInfo, makeUser('client'))
  expect((await stranger.goto(`/meetings/new?conversation=${conversationId}`))?.status()).toBe(404)
  expect((await stranger.goto(`/meetings/new?contract=${contractId}`))?.status()).toBe(404)
  expect((await stranger.request.get(`/meetings/${crypto.randomUUID()}.ics`)).status()).toBe(404)
  await strangerContext.close()
  await freelancerContext.close()
})

test.describe('a newcomer in India sets their hours', () => {
  test.use({ timezoneId: 'Asia/Kolkata' })

  test('their time zone is offered by its current name (Kolkata), and with JavaScript the browser’s is selected', async ({
    page,
  }, testInfo) => {
    await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/settings/availability' })
    const zone = page.getByLabel('Time zone')
    if (isJavaScriptEnabled(testInfo)) {
      await expect(zone).toHaveValue('Asia/Kolkata')
      await expect(
        page.getByText('Your browser’s time zone, Asia/Kolkata, is selected: check it and save.'),
      ).toBeVisible()
    } else {
      // Without JavaScript the page cannot know the browser's zone: it says the times are in UTC until one is chosen.
      await expect(zone).toHaveValue('UTC')
      await expect(
        page.getByText('You have not chosen your time zone yet: your times are shown in UTC until you save one.'),
      ).toBeVisible()
      await zone.selectOption('Asia/Kolkata')
    }
    await expect(zone.locator('option[value="Asia/Calcutta"]')).toHaveCount(0)
    await page.getByLabel('Monday from', { exact: true }).fill('09:00')
    await page.getByLabel('Monday to', { exact: true }).fill('17:00')
    await page.getByRole('button', { name: 'Save availability' }).click()
    await expect(toast(page)).toHaveText('Availability saved: 1 weekly window.')
    await expect(zone).toHaveValue('Asia/Kolkata')
    await expect(page.getByText(/You have not chosen your time zone|Your browser’s time zone/)).toHaveCount(0)
  })
})
