import { DEMO_ACCOUNTS, expect, isJavaScriptEnabled, makeUser, newBrowserContext, test } from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import { createProposal, useUpMessageQuota } from './messaging-fixtures'
import { MESSAGE_PATH, sendMessage, thread, waitForLiveComposer } from './messaging-helpers'

test('client and freelancer exchange messages; off-platform requests are flagged; files and unread counts work; strangers get 404', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  // Four people in four browsers: give it room on a busy machine.
  test.setTimeout(120_000)
  const js = isJavaScriptEnabled(testInfo)
  const proposal = await createProposal(DEMO_ACCOUNTS.client.email, DEMO_ACCOUNTS.freelancer.email)
  const tag = proposal.proposalId.slice(0, 8)

  // The client opens the proposal's conversation and writes first.
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client', {
    at: `/messages/for/proposal/${proposal.proposalId}`,
  })
  await expect(page).toHaveURL((url) => MESSAGE_PATH.test(url.pathname))
  const conversationUrl = new URL(page.url()).pathname
  await expect(page.getByRole('heading', { level: 1, name: proposal.title })).toBeVisible()
  await expect(page.getByText('Conversation with Felix Freelancer.')).toBeVisible()
  await sendMessage(page, `Hi Felix, when could you start? (${tag})`, js)
  await expect(thread(page).getByRole('article', { name: 'Message from you' })).toContainText(
    `when could you start? (${tag})`,
  )

  // The freelancer sees it as unread, opens it, and the count clears.
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancer = await freelancerContext.newPage()
  await signInWithoutForm(freelancer, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer', { at: '/messages' })
  const row = freelancer
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ hasText: proposal.title })
  await expect(row).toContainText('1 unread')
  await expect(row).toContainText('With Clara Client')
  await expect(row).toContainText(`when could you start? (${tag})`)
  await row.getByRole('link', { name: proposal.title }).click()
  await expect(freelancer).toHaveURL((url) => url.pathname === conversationUrl)
  await expect(thread(freelancer).getByRole('article', { name: 'Message from Clara Client' })).toContainText(`(${tag})`)
  await freelancer.goto('/messages')
  await expect(row).toBeVisible()
  await expect(row).not.toContainText('unread')

  // The freelancer answers with a phone number and a file: delivered, but flagged.
  await freelancer.goto(conversationUrl)
  const phoneMessage = `Next week works. Call me on +44 7700 900123 to discuss (${tag}).`
  await sendMessage(freelancer, phoneMessage, js, {
    name: 'scope-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`Scope notes ${tag}\n`),
  })
  const ownCopy = thread(freelancer)
    .getByRole('article', { name: 'Message from you' })
    .filter({ hasText: 'Call me on' })
  await expect(ownCopy.getByRole('note')).toContainText('Flagged for review: your message contains a phone number')

  // The client sees the warning naming the reason, and can download the file.
  if (!js) await page.reload()
  const received = thread(page).getByRole('article', { name: 'Message from Felix Freelancer' })
  await expect(received).toContainText(phoneMessage)
  await expect(received.getByRole('alert')).toContainText('This message asks to move off MegiLance.')
  await expect(received.getByRole('alert')).toContainText('It contains a phone number.')
  await expect(received.getByRole('alert').getByRole('link', { name: 'tell them more' })).toHaveAttribute(
    'href',
    `/help/contact?topic=safety&about=${encodeURIComponent(conversationUrl)}`,
  )
  const fileLink = received.getByRole('link', { name: 'scope-notes.txt' })
  const fileUrl = await fileLink.getAttribute('href')
  expect(fileUrl).toMatch(/^\/messages\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/)
  const download = await page.request.get(fileUrl!)
  expect(download.status()).toBe(200)
  expect(await download.text()).toBe(`Scope notes ${tag}\n`)
  expect(download.headers()['content-disposition']).toContain('attachment')
  await page.goto('/messages')
  const clientRow = page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('listitem')
    .filter({ hasText: proposal.title })
  await expect(clientRow).toContainText('Asks to move off MegiLance: Next week works.')
  await expect(clientRow).not.toContainText('unread')

  // One flagged message is a slip, not yet an alert: repeated across conversations it becomes an
  // off-platform alert on the fraud desk (services/fraud, tested there).
  // Admins may read the conversation, but not write in it.
  await adminPage.goto(conversationUrl)
  await expect(adminPage.getByText('You are reading as an admin.')).toBeVisible()
  await expect(adminPage.getByRole('button', { name: 'Send' })).toHaveCount(0)

  // Someone else learns nothing: 404 for the conversation, its events, its files and the proposal link.
  const strangerContext = await newBrowserContext(browser, testInfo)
  const stranger = await strangerContext.newPage()
  await signUpWithoutForm(stranger, testInfo, makeUser('freelancer'))
  expect((await stranger.goto(conversationUrl))?.status()).toBe(404)
  expect((await stranger.goto(`/messages/for/proposal/${proposal.proposalId}`))?.status()).toBe(404)
  expect((await stranger.request.get(fileUrl!)).status()).toBe(404)
  expect((await stranger.request.get(`${conversationUrl}/events`)).status()).toBe(404)
  const strangerForbidden = await stranger.goto('/admin/fraud')
  expect(strangerForbidden?.status()).toBe(403)

  await strangerContext.close()
  await freelancerContext.close()
})

test('past the message quota the composer says when the next can go and keeps the text', async ({ page }, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const proposal = await createProposal(client.email, DEMO_ACCOUNTS.freelancer.email)
  await useUpMessageQuota(client.email, 'client')
  await page.goto(`/messages/for/proposal/${proposal.proposalId}`)
  if (isJavaScriptEnabled(testInfo)) await waitForLiveComposer(page)
  const body = 'Could we move the kick-off call to Friday morning?'
  await page.getByLabel('Message (required)', { exact: true }).fill(body)
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'You have sent 60 messages' })).toHaveText(
    /^You have sent 60 messages within 10 minutes, the most one account may\. You can send again in (10|9) minutes\.$/,
  )
  await expect(page.getByLabel('Message (required)', { exact: true })).toHaveValue(body)
  await expect(thread(page).getByRole('article')).toHaveCount(0)
})
