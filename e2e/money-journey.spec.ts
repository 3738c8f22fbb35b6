import { clientAndFreelancerOnAContract } from './contract-pair'
import { confirmWithEmailCode, expect, expectPath, type Page, test, toast } from './fixtures'

/** A real USDC (ERC-20) receiving address with a correct EIP-55 checksum. */
const USDC_ADDRESS = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045'

async function payByCard(page: Page, number: string) {
  await page.getByLabel('Name on card').fill('Carmen Tester')
  await page.getByLabel('Card number').fill(number)
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: 'Pay $500' }).click()
}

const milestone = (page: Page) => page.getByRole('article', { name: '1. Design' })

/**
 * The money journey, in two browsers: the client funds a milestone with the sandbox card,
 * the freelancer delivers, the client releases, the freelancer's wallet holds the amount less the
 * 10% fee, and the freelancer pays it out to a crypto wallet, seeing fee and arrival first.
 */
test('fund with the sandbox card → release → wallet shows the amount less 10% → payout to a crypto wallet', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000)
  const { freelancer, freelancerContext, freelancerPage, contractId } = await clientAndFreelancerOnAContract(
    page,
    browser,
    testInfo,
  )

  // The client funds the milestone with Stripe's succeeding test card.
  await page.goto(`/contracts/${contractId}`)
  await expect(milestone(page)).toContainText('the freelancer receives $450')
  await milestone(page).getByRole('button', { name: 'Fund $500' }).click()
  await payByCard(page, '4242 4242 4242 4242')
  await expect(toast(page)).toHaveText('Payment received: $500 is held in escrow.')
  await expect(page.getByText(/In escrow\s*\$500/)).toBeVisible()

  // The freelancer delivers; the client approves, which releases the escrow.
  await freelancerPage.goto(`/contracts/${contractId}`)
  await milestone(freelancerPage)
    .getByLabel('What you deliver for “Design”')
    .fill('The checkout designs: figma.com/file/checkout')
  await milestone(freelancerPage).getByRole('button', { name: 'Submit work' }).click()
  await expect(toast(freelancerPage)).toHaveText('Submitted. The client has 14 days to review it.')
  await page.reload()
  await milestone(page).getByRole('button', { name: 'Approve and release $500' }).click()
  await expect(toast(page)).toHaveText(`$500 released: $450 to ${freelancer.name}, $50 platform fee.`)

  // The paid milestone's card says where the money went, for both sides (no need to read the activity log).
  for (const reader of [page, freelancerPage]) {
    if (reader === freelancerPage) await freelancerPage.reload()
    const paid = milestone(reader).getByRole('region', { name: 'Payment for “Design”' })
    await expect(paid).toContainText(/Paid on .+:/)
    await expect(paid.getByRole('definition')).toHaveText(['$500', '$50', '$450'])
    await expect(paid.getByRole('term')).toHaveText(['Released from escrow', 'MegiLance fee', 'Freelancer received'])
  }

  // $500 less the 10% platform fee.
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByText(/Balance in USD\s*\$450/)).toBeVisible()

  // Adding a payout method needs a second factor first (an emailed code for this account).
  await freelancerPage
    .getByRole('navigation', { name: 'Freelancer portal' })
    .getByRole('link', { name: 'Payouts' })
    .click()
  await expectPath(freelancerPage, '/payouts')
  await freelancerPage.getByRole('link', { name: 'add a payout method', exact: true }).click()
  await expectPath(freelancerPage, '/payouts/methods')
  await expect(freelancerPage.getByLabel('Wallet address')).toHaveCount(0)
  await freelancerPage.getByRole('link', { name: 'Confirm it is you' }).click()
  await confirmWithEmailCode(freelancerPage, freelancer.email)
  await expectPath(freelancerPage, '/payouts/methods')

  // A corrupted address is refused by its checksum; the real one is accepted.
  await freelancerPage.getByLabel('Asset').selectOption('USDC')
  await freelancerPage.getByLabel('Network').selectOption('ethereum')
  await freelancerPage.getByLabel('Wallet address').fill(USDC_ADDRESS.replace('d8dA', 'd8DA'))
  await freelancerPage.getByRole('button', { name: 'Add crypto wallet' }).click()
  await expect(
    freelancerPage.getByText(
      'This Ethereum address has a typo: its checksum (the pattern of capital letters) does not match.',
    ),
  ).toBeVisible()
  await freelancerPage.getByLabel('Wallet address').fill(USDC_ADDRESS)
  await freelancerPage.getByRole('button', { name: 'Add crypto wallet' }).click()
  await expect(toast(freelancerPage)).toHaveText('Crypto wallet added: USDC on Ethereum.')
  await expect(freelancerPage.getByRole('list', { name: 'Your payout methods' })).toContainText(
    'USDC on Ethereum to 0xd8dA…6045',
  )
  // Where earnings go is what an account thief changes first: the owner's security log shows it.
  await freelancerPage.goto('/settings/security/log')
  const added = freelancerPage
    .getByRole('list', { name: 'Security events' })
    .getByRole('listitem')
    .filter({ hasText: 'Payout method added' })
  await expect(added).toContainText('USDC on Ethereum to 0xd8dA…6045. If it is not yours, remove it')
  await expect(added).toContainText('Severity: High')

  // The payout: minimum, fee, what arrives and when are shown before confirming.
  await freelancerPage.goto('/payouts/methods')
  await freelancerPage.getByRole('link', { name: '← Payouts' }).click()
  await expect(freelancerPage.getByLabel('Pay out to')).toHaveValue(/.+/)
  await expect(freelancerPage.getByRole('list', { name: 'Payout minimums, fees and arrival times' })).toContainText(
    'Crypto wallet: minimum $20',
  )
  await freelancerPage.getByLabel('Amount').fill('450')
  await freelancerPage.getByRole('radio', { name: /Instant/ }).check()
  await freelancerPage.getByRole('button', { name: 'Review payout' }).click()
  const review = freelancerPage.getByRole('region', { name: 'Review your payout' })
  await expect(review).toContainText('USDC on Ethereum to 0xd8dA…6045')
  await expect(review).toContainText(/Fee \(Instant\)\s*\$4\.50/)
  await expect(review).toContainText(/Arrives\s*\$445\.50/)
  await expect(review).toContainText('within 10 minutes')
  await expect(review).toContainText(/≈ 445\.5 USDC at 1 USD = [\d.]+ USDC/)
  // The rate's source in plain words, not the code's name for it.
  await expect(review).toContainText(
    /\((the rate shipped with MegiLance|the European Central Bank’s rate|CoinGecko’s rate) of /,
  )
  await expect(review).not.toContainText('snapshot')
  await expect(review).toContainText(/Minimum for this method\s*\$20/)
  await review.getByRole('button', { name: 'Confirm payout of $450' }).click()
  await expect(toast(freelancerPage)).toHaveText('Payout sent (test mode): $445.50 to USDC on Ethereum to 0xd8dA…6045.')

  const history = freelancerPage.getByRole('table', { name: 'Your payouts, newest first' })
  const row = history.getByRole('row').filter({ hasText: 'USDC on Ethereum' })
  await expect(row).toContainText('$450')
  await expect(row).toContainText('$4.50')
  await expect(row).toContainText('$445.50')
  await expect(row).toContainText('Sent (test mode)')
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByRole('region', { name: 'Balances' })).toHaveText(/^Balance in USD\s*\$0$/)
  await freelancerContext.close()
})

test('a declined card shows a clear error, the milestone stays unfunded and no money moves', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000)
  const { freelancerContext, freelancerPage, contractId } = await clientAndFreelancerOnAContract(
    page,
    browser,
    testInfo,
  )

  await page.goto(`/contracts/${contractId}`)
  await milestone(page).getByRole('button', { name: 'Fund $500' }).click()
  await payByCard(page, '4000 0000 0000 0002')
  await expect(page.getByText('Your card was declined.')).toBeVisible()

  await page.goto(`/contracts/${contractId}`)
  await expect(milestone(page)).toContainText('Not funded yet')
  await expect(milestone(page).getByRole('button', { name: 'Fund $500' })).toBeVisible()
  await expect(page.getByText(/In escrow\s*\$0/)).toBeVisible()
  await page.goto('/wallet')
  await expect(page.getByRole('region', { name: 'Balances' })).toHaveText(/^Balance\s*\$0$/)
  await expect(page.getByText('Nothing yet.')).toBeVisible()
  await freelancerPage.goto('/wallet')
  await expect(freelancerPage.getByRole('region', { name: 'Balances' })).toHaveText(/^Balance\s*\$0$/)
  await freelancerContext.close()
})
