import { DEMO_ACCOUNTS, expect, makeUser, signInAsSeededAdmin, test, toast } from './fixtures'
import { signUpWithoutForm, signInWithoutForm } from './user-fixtures'
import { createHourlyContract } from './hourly-fixtures'

function weekLabel(isoDay: string) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(isoDay),
  )
}

test('a freelancer logs time and invoices a week; the client approves or disputes it', async ({
  page,
  browser,
}, testInfo) => {
  const first = await createHourlyContract(DEMO_ACCOUNTS.client.email, DEMO_ACCOUNTS.freelancer.email)
  const second = await createHourlyContract(DEMO_ACCOUNTS.client.email, DEMO_ACCOUNTS.freelancer.email, 60)

  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer')
  // The contract page starts with the freelancer's next step: e2e turns the weekly invoicing job off, so last
  // week's time waits for the freelancer's own "Send invoice", and the card says so and leads there.
  await page.goto(`/contracts/${first.contractId}`)
  const nextStep = page.getByRole('region', { name: 'Next: send your invoice' })
  await expect(nextStep).toContainText(
    `2 h 30 min from the week of ${weekLabel(first.lastWeekStart)} ($100) is not invoiced yet, and invoices are not sent automatically here: send it yourself.`,
  )
  await expect(nextStep).toContainText('This week: nothing logged yet')
  await nextStep.getByRole('link', { name: 'Send the invoice' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hours and invoices' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Log time')
  // e2e runs without the weekly invoicing job: no promise of a Monday, in the header or the empty invoice list.
  await expect(page.getByText(/invoiced on the Monday/)).toHaveCount(0)
  // A week with nothing logged says so (not "0 min logged of 20 h").
  await expect(page.getByText('This week: nothing logged yet; the limit is 20 h.')).toBeVisible()
  await expect(
    page.getByText('You send each finished week’s invoice yourself (it is not sent automatically here)'),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Invoices' })).toContainText(
    'No invoices yet. They are not sent automatically here: when a week with logged time is over, send its invoice from Log time.',
  )
  await expect(
    page.getByRole('button', { name: `Send invoice for week of ${weekLabel(first.lastWeekStart)}` }),
  ).toBeVisible()

  // A bad duration is refused and the memo stays.
  await page.getByLabel('Time worked').fill('lots')
  await page.getByLabel('Memo').fill('Reviewed the error budget')
  await page.getByRole('button', { name: 'Log time' }).click()
  await expect(page.getByText('Enter how long you worked, e.g. 1:30 or 1.5', { exact: false }).first()).toBeVisible()
  await expect(page.getByLabel('Memo')).toHaveValue('Reviewed the error budget')

  // "1.5" is hours: the toast says so plainly.
  await page.getByLabel('Time worked').fill('1.5')
  await page.getByRole('button', { name: 'Log time' }).click()
  await expect(toast(page)).toContainText('Logged 1 h 30 min')
  await expect(page.getByRole('cell', { name: 'Reviewed the error budget' })).toBeVisible()

  // Last week's time can be invoiced now: 2 h 30 min at $40 = $100.
  await page.getByRole('button', { name: `Send invoice for week of ${weekLabel(first.lastWeekStart)}` }).click()
  await expect(toast(page)).toHaveText('Invoice sent: $100.')
  await expect(page.getByRole('row', { name: /2 h 30 min \$100 Waiting for the client/ })).toBeVisible()

  await page.goto(`/contracts/${second.contractId}/hours`)
  await page.getByRole('button', { name: `Send invoice for week of ${weekLabel(second.lastWeekStart)}` }).click()
  await expect(toast(page)).toHaveText('Invoice sent: $40.')

  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client')
  // The client's contract page starts with the invoice waiting for them, and leads to it.
  await page.goto(`/contracts/${first.contractId}`)
  const waiting = page.getByRole('region', { name: 'An invoice is waiting for your approval' })
  await expect(waiting).toContainText(`$100 for the week of ${weekLabel(first.lastWeekStart)}`)
  await waiting.getByRole('link', { name: 'Review the invoice' }).click()
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Invoices')
  await expect(page.getByRole('button', { name: 'Log time' })).toHaveCount(0)
  await expect(page.getByRole('row', { name: /2 h 30 min \$100 Waiting for your approval/ })).toBeVisible()
  // The demo client has no wallet money and no card on file: an approval could not be paid, so the page offers
  // saving a card first (coming back to the invoices) and says why, instead of an Approve that would fail.
  await expect(
    page.getByText(
      'To approve, first save a card to pay $100 with: your wallet holds $0 and no card is saved, so an approval now could not be paid',
    ),
  ).toBeVisible()
  await expect(
    page.getByRole('button', { name: `Approve invoice for week of ${weekLabel(first.lastWeekStart)}` }),
  ).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Save a card, then approve' })).toHaveAttribute(
    'href',
    `/settings/billing/card?redirectTo=${encodeURIComponent(`/contracts/${first.contractId}/hours#invoices-heading`)}`,
  )
  // Disputing stays open to the client without a card.
  await expect(page.getByText('Dispute it').first()).toBeVisible()

  await page.goto(`/contracts/${second.contractId}/hours`)
  await page.getByText('Dispute it').click()
  // A reason too short once trimmed (the browser counts the spaces): the form again, the text kept.
  const reason = page.getByLabel(/What is wrong with the invoice/)
  await reason.fill('      Too much      ')
  await page.getByRole('button', { name: 'Dispute invoice' }).click()
  // The page opens at the form's error summary, whose link leads to the reason as typed.
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeFocused()
  await expect(
    summary.getByRole('link', { name: /^What is wrong \(week of .+\): .*at least 20 characters/ }),
  ).toBeVisible()
  await expect(reason).toHaveValue('      Too much      ')
  await reason.fill('Monitoring was already set up by our own team last month.')
  await page.getByRole('button', { name: 'Dispute invoice' }).click()
  await expect(toast(page)).toContainText('Invoice disputed.')
  await expect(page.getByRole('row', { name: /\$40 Disputed/ })).toBeVisible()

  // The freelancer answers the dispute; an admin splits the invoice with a reason both see.
  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.freelancer.email, 'freelancer', {
    at: `/contracts/${second.contractId}/hours`,
  })
  await page.getByRole('link', { name: 'See the dispute' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dispute' })).toBeVisible()
  // The side asked to respond is told the next move is theirs.
  await expect(page.getByRole('definition').filter({ hasText: 'Waiting for your response, below' })).toBeVisible()
  await page
    .getByLabel('What happened, from your side')
    .fill('The team asked me to redo the alerting rules, which took an hour.')
  await page.getByRole('button', { name: 'Send response' }).click()
  await expect(toast(page)).toHaveText('Your response is recorded. An admin will now decide.')
  await expect(page.getByRole('definition').filter({ hasText: 'Waiting for an admin’s decision' })).toBeVisible()
  await expect(page.getByRole('heading', { name: `${DEMO_ACCOUNTS.freelancer.name}’s response` })).toBeVisible()
  const disputeUrl = page.url()

  await page.context().clearCookies()
  await signInAsSeededAdmin(page, testInfo)
  await page.goto('/admin/disputes')
  await page.getByRole('link', { name: second.title }).click()
  await page.getByRole('radio', { name: 'Split between them' }).check()
  await page.getByLabel('Freelancer’s share (for a split)').fill('25')
  await page
    .getByLabel('Reason both sides will read')
    .fill('The alerting rework was asked for, the monitoring setup was not.')
  await page.getByRole('button', { name: 'Record decision' }).click()
  await expect(toast(page)).toHaveText('The decision is recorded and both sides are told.')
  await expect(page.getByRole('heading', { name: 'Decision: Split between them' })).toBeVisible()
  await expect(page.getByText('$25 to the freelancer, less the platform fee; $15 back to the client.')).toBeVisible()

  await page.context().clearCookies()
  await signInWithoutForm(page, testInfo, DEMO_ACCOUNTS.client.email, 'client')
  await page.goto(disputeUrl)
  await expect(page.getByText('The alerting rework was asked for, the monitoring setup was not.')).toBeVisible()
  await page.goto(`/contracts/${second.contractId}/hours`)
  await expect(page.getByRole('row', { name: /\$40 Owed after the dispute: \$25 Payment failed/ })).toBeVisible()
  await expect(
    page.getByRole('row', { name: /Payment failed/ }).getByRole('link', { name: 'Save a card' }),
  ).toHaveAttribute(
    'href',
    `/settings/billing/card?redirectTo=${encodeURIComponent(`/contracts/${second.contractId}/hours#invoices-heading`)}`,
  )

  // Someone who is not on the contract does not learn it exists.
  const stranger = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: test.info().project.use.javaScriptEnabled,
  })
  const strangerPage = await stranger.newPage()
  await signUpWithoutForm(strangerPage, testInfo, makeUser('freelancer'))
  const response = await strangerPage.goto(`/contracts/${first.contractId}/hours`)
  expect(response?.status()).toBe(404)
  expect((await strangerPage.goto(disputeUrl))?.status()).toBe(404)
  await stranger.close()
})
