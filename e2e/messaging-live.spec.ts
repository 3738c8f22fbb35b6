import { DEMO_ACCOUNTS, expect, newBrowserContext, test } from './fixtures'
import { createProposal } from './messaging-fixtures'
import { MESSAGE_PATH, sendMessage, thread, waitForLiveComposer } from './messaging-helpers'
import { signInWithoutForm } from './user-fixtures'

// Live updates need JavaScript, so this spec runs only in the `js` project (see playwright.config.ts).
test('with JavaScript, a message sent in one browser appears in the other without reloading', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000)
  const proposal = await createProposal(DEMO_ACCOUNTS.client.email, DEMO_ACCOUNTS.freelancer.email)
  const tag = proposal.proposalId.slice(0, 8)

  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', {
    at: `/messages/for/proposal/${proposal.proposalId}`,
  })
  await expect(page).toHaveURL((url) => MESSAGE_PATH.test(url.pathname))
  const conversationUrl = new URL(page.url()).pathname
  await waitForLiveComposer(page)

  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancer = await freelancerContext.newPage()
  await signInWithoutForm(freelancer, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  await freelancer.goto(conversationUrl)
  await waitForLiveComposer(freelancer)

  // A marker on each window survives only if neither page reloads.
  await page.evaluate(() => Object.assign(window, { __noReload: true }))
  await freelancer.evaluate(() => Object.assign(window, { __noReload: true }))

  await sendMessage(freelancer, `Live hello from Felix (${tag})`, true)
  await expect(thread(page).getByRole('article', { name: 'Message from Felix Freelancer' })).toContainText(
    `Live hello from Felix (${tag})`,
    { timeout: 5_000 },
  )
  await sendMessage(page, `Live answer from Clara (${tag})`, true)
  await expect(thread(freelancer).getByRole('article', { name: 'Message from Clara Client' })).toContainText(
    `Live answer from Clara (${tag})`,
    { timeout: 5_000 },
  )

  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
  expect(await freelancer.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)

  // Seen live, so nothing is left unread for the client.
  await page.goto('/messages')
  const row = page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ hasText: proposal.title })
  await expect(row).toContainText(`You: Live answer from Clara (${tag})`)
  await expect(row).not.toContainText('unread')
  await freelancerContext.close()
})
