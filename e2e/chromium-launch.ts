/**
 * How every e2e browser starts: the system Chromium, with its background chatter off (it only costs
 * CPU on a shared machine). playwright.config.ts and the call specs (call-helpers.ts) start from here.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
}
