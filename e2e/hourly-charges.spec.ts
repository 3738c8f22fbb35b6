import { expect, expectPath, test, makeUser, newBrowserContext, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createHourlyContract, endInvoiceReview, runHourlyChargingJob } from './hourly-fixtures'

function weekLabel(isoDay: string) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(isoDay),
  )
}

test('hourly invoices move money: charged on approval, by the job after 5 days, and a declined card charges nothing', async ({
  browser,
}, testInfo) => {
  // Two sign-ups, three invoices and a job run: longer than one page flow.
  test.setTimeout(180_000)
  const clientContext = await newBrowserContext(browser, testInfo)
  const clientPage = await clientContext.newPage()
  const client = await signUpWithoutForm(clientPage, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const first = await createHourlyContract(client.email, freelancer.email)

  // The freelancer logs hours within the weekly limit of 20 h, sees what is left, and is refused past it.
  await freelancerPage.goto(`/contracts/${first.contractId}/hours`)
  await freelancerPage.getByLabel('Time worked').fill('18:00')
  await freelancerPage.getByLabel('Memo').fill('Load testing the new API')
  await freelancerPage.getByRole('button', { name: 'Log time' }).click()
  await expect(toast(freelancerPage)).toContainText('Logged 18 h on')
  await expect(freelancerPage.getByText('This week: 18 h logged of 20 h; 2 h left.')).toBeVisible()
  await freelancerPage.getByLabel('Time worked').fill('3')
  await freelancerPage.getByLabel('Memo').fill('More load testing')
  await freelancerPage.getByRole('button', { name: 'Log time' }).click()
  await expect(freelancerPage.getByText('This contract allows 20 h a week; 2 h is left this week.')).toBeVisible()
  await expect(freelancerPage.getByLabel('Memo')).toHaveValue('More load testing')

  // Last week's 2 h 30 min at $40: a $100 invoice.
  await freelancerPage
    .getByRole('button', { name: `Send invoice for week of ${weekLabel(first.lastWeekStart)}` })
    .click()
  await expect(toast(freelancerPage)).toHaveText('Invoice sent: $100.')

  // The client is told the wallet cannot pay, follows "Save a card" from the invoice, saves a test card and
  // comes back to the invoice to approve it: the card is charged, the freelancer gets $90.
  await clientPage.goto(`/contracts/${first.contractId}/hours`)
  await expect(clientPage.getByText('no card is saved, so an approval now could not be paid')).toBeVisible()
  await clientPage.getByRole('link', { name: 'Save a card, then approve' }).click()
  await expect(clientPage.getByRole('link', { name: '← Back to your invoices' })).toBeVisible()
  await clientPage.getByLabel('Name on card').fill(client.name)
  await clientPage.getByLabel('Card number').fill('4242 4242 4242 4242')
  await clientPage.getByLabel('Expiry (MM/YY)').fill('12/30')
  await clientPage.getByLabel('Security code').fill('123')
  await clientPage.getByRole('button', { name: 'Save card' }).click()
  await expect(toast(clientPage)).toHaveText('Your card is saved: your invoices can be paid with it now.')
  await expectPath(clientPage, `/contracts/${first.contractId}/hours`)
  await expect(clientPage.getByText('Card on file: Visa ending 4242')).toBeVisible()
  await clientPage
    .getByRole('button', { name: `Approve invoice for week of ${weekLabel(first.lastWeekStart)}` })
    .click()
  await expect(toast(clientPage)).toHaveText('Invoice approved: $100 charged to your card.')
  await expect(
    clientPage.getByRole('row', { name: /\$100 Paid Charged \$100 to the card · fee \$10 · freelancer gets \$90/ }),
  ).toBeVisible()
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$90/)).toBeVisible()

  // A second invoice the client never reviews is charged by the job once its 5 days are over.
  const second = await createHourlyContract(client.email, freelancer.email, 60)
  await freelancerPage.goto(`/contracts/${second.contractId}/hours`)
  await freelancerPage
    .getByRole('button', { name: `Send invoice for week of ${weekLabel(second.lastWeekStart)}` })
    .click()
  await expect(toast(freelancerPage)).toHaveText('Invoice sent: $40.')
  await endInvoiceReview(second.contractId)
  await runHourlyChargingJob()
  await clientPage.goto(`/contracts/${second.contractId}/hours`)
  await expect(
    clientPage.getByRole('row', { name: /\$40 Paid Charged \$40 to the card · fee \$4 · freelancer gets \$36/ }),
  ).toBeVisible()
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$126/)).toBeVisible()

  // With a card that declines, an approved invoice is left "payment failed" and nothing is charged.
  await clientPage.goto('/settings/billing/card')
  await clientPage.getByLabel('Name on card').fill(client.name)
  await clientPage.getByLabel('Card number').fill('4000 0000 0000 0341')
  await clientPage.getByLabel('Expiry (MM/YY)').fill('12/30')
  await clientPage.getByLabel('Security code').fill('123')
  await clientPage.getByRole('button', { name: 'Save card' }).click()
  await expect(toast(clientPage)).toHaveText('Your card is saved.')
  const third = await createHourlyContract(client.email, freelancer.email, 90)
  await freelancerPage.goto(`/contracts/${third.contractId}/hours`)
  await freelancerPage
    .getByRole('button', { name: `Send invoice for week of ${weekLabel(third.lastWeekStart)}` })
    .click()
  await expect(toast(freelancerPage)).toHaveText('Invoice sent: $60.')
  await clientPage.goto(`/contracts/${third.contractId}/hours`)
  await clientPage
    .getByRole('button', { name: `Approve invoice for week of ${weekLabel(third.lastWeekStart)}` })
    .click()
  await expect(clientPage.getByRole('alert')).toContainText(
    'Invoice approved: The payment failed: Your card was declined.',
  )
  await expect(clientPage.getByRole('row', { name: /\$60 Payment failed Your card was declined\./ })).toBeVisible()
  await expect(
    clientPage.getByRole('button', { name: `Pay now for week of ${weekLabel(third.lastWeekStart)}` }),
  ).toBeVisible()
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$126/)).toBeVisible()

  await clientContext.close()
  await freelancerContext.close()
})
