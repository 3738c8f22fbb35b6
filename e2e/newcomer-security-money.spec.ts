import './app-env'
import { generateSync } from 'otplib'
import { addToAllowlist } from '~/services/security/ip-lists.server'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import {
  expect,
  expectPath,
  expectPortal,
  makeUser,
  newBrowserContext,
  signIn,
  submitSignIn,
  test,
  toast,
} from './fixtures'
import { browserFrom, UK_IP, US_IP } from './ip-fixtures'
import { insertWalletTopUp } from './payments-fixtures'
import { confirmPassword, confirmWithEmailedCode } from './step-up-helpers'
import { signUpWithoutForm } from './user-fixtures'

/**
 * A newcomer's first hour with account security and with money in another currency: what they are
 * told before they choose, and what the pages say afterwards. Each method's own details are tested in
 * its spec (totp, sms-codes, email-codes, webauthn-live, backup-codes, sessions, ip-lists, billing,
 * crypto-payments, money-journey, payments-history); this walks them as one person would.
 */

test('a newcomer is told which second factor to pick, adds an app and backup codes, signs in elsewhere with a code, and reads the log', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  const user = await signUpWithoutForm(page, testInfo)

  // Nothing is on yet: the page says which method to choose and why, before the six are listed.
  await page.goto('/settings/security')
  const advice = page.getByRole('group').filter({ hasText: 'Which one should I choose?' })
  await expect(advice).toContainText('Best: a passkey')
  await expect(advice).toContainText('a look-alike site cannot trick you')
  await expect(advice).toContainText('Whoever takes over your phone number or mailbox can read them.')

  // The authenticator app, from its QR code's key, as an app would read it.
  await page.getByRole('link', { name: 'Manage authenticator app' }).click()
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await confirmPassword(page, user.password)
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await expect(page.getByRole('figure', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible()
  const secret = (await page.getByRole('definition').textContent())?.replace(/\s+/g, '') ?? ''
  await page.getByLabel('Code (required)', { exact: true }).fill(generateSync({ secret }))
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(toast(page)).toHaveText('Your authenticator app is on. We will ask for its code when you sign in.')

  // One method is on, so the advice folds away; its last line said what comes next: the emailed code.
  await page.goto('/settings/security')
  await expect(page.getByText('Best: a passkey')).toBeHidden()
  await page.getByText('Which one should I choose?').click()
  await expect(page.getByText(/adding another method in that day asks for a code sent to your email/)).toBeVisible()

  // Backup codes next, as the advice says: the day-old app cannot confirm it, an emailed code does.
  await page.getByRole('link', { name: 'Manage backup codes' }).click()
  await page.getByRole('button', { name: 'Generate new codes' }).click()
  await confirmWithEmailedCode(page, user.email)
  await page.getByRole('button', { name: 'Generate new codes' }).click()
  const codes = page.getByRole('list', { name: 'Backup codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  const code = (await codes.first().textContent())?.trim() ?? ''

  // The phone is lost: on another computer, a backup code instead of the app.
  const laptopContext = await newBrowserContext(browser, testInfo)
  const laptop = await laptopContext.newPage()
  await submitSignIn(laptop, user)
  await expectPath(laptop, '/sign-in/verify')
  await laptop.getByRole('navigation', { name: 'Ways to confirm' }).getByRole('link', { name: 'Backup code' }).click()
  await laptop.getByLabel('Code (required)', { exact: true }).fill(code)
  await laptop.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expectPortal(laptop, user.role)

  // The log, read by a non-expert: what the severities mean, one line per sign-in, and the used code
  // says where it was used from (it read "Unknown" beside the sign-in step that knew).
  await page.goto('/settings/security/log')
  await expect(page.getByText(/Low is routine\. Medium is worth a look if it was not you/)).toBeVisible()
  const events = page.getByRole('list', { name: 'Security events' }).getByRole('listitem')
  await expect(events.filter({ hasText: /^Signed in from a new device/ })).toHaveCount(2)
  await expect(events.filter({ hasText: /^Signed in\s*(Severity: )?Low/ })).toHaveCount(0)
  const used = events.filter({ hasText: 'Backup code used' })
  await expect(used).toContainText('9 unused backup codes left')
  await expect(used).toContainText(/Device\s*Chrome \d+ on/)

  // The laptop was a borrowed one: sign it out from here.
  await page.goto('/settings/sessions')
  const thisBrowser = page.getByText('This browser', { exact: true })
  await page
    .getByRole('list', { name: 'Signed-in browsers' })
    .getByRole('listitem')
    .filter({ hasNot: thisBrowser })
    .getByRole('button', { name: 'Sign out this browser' })
    .click()
  await expect(toast(page)).toHaveText('That browser is signed out.')
  await laptop.goto('/settings')
  await expectPath(laptop, '/sign-in')
  await laptopContext.close()
})

test('an IP allowlist warns that home addresses change; shut out anyway, sign-in says the way back and an admin turns it off', async ({
  page,
  adminPage,
  browser,
}, testInfo) => {
  test.setTimeout(90_000)
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings/security/allowlist' })
  await expect(page.getByText(/home broadband and mobile data change their address from time to time/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Contact us' }).first()).toHaveAttribute('href', '/help/contact')

  // The list they made at the office (the page's own refusal of a list without "here" is in ip-lists.spec).
  const userId = await userIdByEmail(user.email)
  await addToAllowlist({
    userId,
    cidr: '81.2.69.0/24',
    label: 'Office',
    origin: { ip: UK_IP, userAgent: null, deviceId: null },
  })

  // Travelling: refused, and told what to do rather than only why.
  const hotelContext = await browserFrom(browser, testInfo, US_IP)
  const hotel = await hotelContext.newPage()
  await submitSignIn(hotel, user)
  const refusal = hotel.getByRole('alert')
  await expect(refusal).toContainText('only allows sign-in from its own networks (IP allowlist)')
  await expect(refusal).toContainText('write to us through Contact us')

  // Support, sure it is them, turns the list off with a reason they will see.
  await adminPage.goto(`/admin/users/${userId}`)
  await adminPage.getByRole('link', { name: 'IP allowlist' }).click()
  await expectPath(adminPage, `/admin/users/${userId}/allowlist`)
  await expect(adminPage.getByText('81.2.69.0/24')).toBeVisible()
  await adminPage.getByLabel('Reason they will see').fill('You wrote from your own address while travelling.')
  await adminPage.getByRole('button', { name: 'Turn off their IP allowlist' }).click()
  await expect(toast(adminPage)).toHaveText(
    `${user.name}’s IP allowlist is off: they can sign in from anywhere, and are told by email.`,
  )

  await signIn(hotel, user, 'client')
  await hotel.goto('/settings/security/log')
  await expect(
    hotel.getByRole('list', { name: 'Security events' }).getByRole('listitem').filter({
      hasText: 'IP allowlist turned off by an administrator',
    }),
  ).toContainText('1 range removed: You wrote from your own address while travelling.')
  await hotelContext.close()
})

test('an Australian client pays a euro milestone: fee and GST in euros, a crypto price with its rate’s source; euro payouts show euro minimums', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancerContext = await newBrowserContext(browser, testInfo)
  const freelancerPage = await freelancerContext.newPage()
  const freelancer = await signUpWithoutForm(freelancerPage, testInfo, makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    currency: 'EUR',
    milestones: [{ title: 'Audit', amountMinor: 123_45 }],
  })

  await page.goto('/settings/billing')
  await page.getByLabel('Billing country').selectOption({ label: 'Australia' })
  await page.getByRole('button', { name: 'Save billing details' }).click()
  await expect(toast(page)).toHaveText('Billing details saved: Australia.')

  // Every amount in euros before paying; 10% of €123.45 rounds to €12.35, and the parts add up.
  await page.goto(`/contracts/${contractId}`)
  const audit = page.getByRole('article', { name: '1. Audit' })
  await expect(audit).toContainText(
    'the freelancer receives €111.10 and MegiLance keeps the 10% fee (€12.35). The fee includes €1.12 GST 10% (AU).',
  )
  const crypto = audit.getByRole('region', { name: 'Pay for “Audit” with crypto' })
  await crypto.getByLabel('Coin and network').selectOption({ label: 'USDC on Ethereum (ERC-20)' })
  await crypto.getByRole('button', { name: 'Pay with crypto' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Send [\d.]+ USDC$/ })).toBeVisible()
  await expect(page.getByText('€123.45 for the milestone “Audit”, paid as USDC on Ethereum (ERC-20).')).toBeVisible()
  // Offline, the rate is the shipped snapshot, and the page says so and how old it is.
  await expect(page.getByText(/^1 EUR = [\d.]+ USDC \(snapshot, \d+ \w+ \d{4}, \d\d:\d\d UTC\)$/)).toBeVisible()

  // A freelancer paid in euros: the payout minimums, the instant fee's least and the size that asks
  // for a second factor are said in euros too, not only in dollars.
  await insertWalletTopUp(freelancer.email, {
    amountMinor: 111_10,
    currency: 'EUR',
    at: Date.now(),
    description: 'Released “Audit”',
  })
  await freelancerPage.goto('/payouts')
  await expect(
    freelancerPage.getByText(
      /at least €[\d.]+ to a bank and €[\d.]+ to a crypto wallet from your EUR balance; an instant payout’s fee is at least €[\d.]+ from your EUR balance\./,
    ),
  ).toBeVisible()
  await expect(
    freelancerPage.getByText(/Payouts of \$1,000 or more \(€[\d,.]+ from your EUR balance\) ask you to confirm/),
  ).toBeVisible()
  await freelancerContext.close()
})
