import { Form, Link } from '@remix-run/react'
import type { Theme } from '~/http/theme.server'

const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' }

/** The theme switch is a plain form post, so it works without JavaScript. */
export function SiteFooter({ theme, feePercent, returnTo }: { theme: Theme; feePercent: number; returnTo: string }) {
  return (
    <footer className="site-footer">
      <p>
        © 2026 MegiLance. Published fees: {feePercent}% on released milestones, standard payouts free, nothing hidden.
      </p>
      <nav aria-label="Site">
        <ul className="site-footer__links">
          <li>
            <Link to="/freelancers">Find talent</Link>
          </li>
          <li>
            <Link to="/help">Help centre</Link>
          </li>
          <li>
            <Link to="/help/fees">Fees</Link>
          </li>
          <li>
            <Link to="/help/contact">Contact us</Link>
          </li>
        </ul>
      </nav>
      <Form method="post" action="/theme" className="theme-switch" aria-label="Colour theme">
        <input type="hidden" name="redirectTo" value={returnTo} />
        <span className="theme-switch__label" id="theme-switch-label">
          Theme
        </span>
        <div role="group" aria-labelledby="theme-switch-label" className="segmented">
          {(Object.keys(THEME_LABELS) as Theme[]).map((option) => (
            <button
              key={option}
              type="submit"
              name="theme"
              value={option}
              aria-pressed={theme === option}
              className="segmented__option"
            >
              {THEME_LABELS[option]}
            </button>
          ))}
        </div>
      </Form>
    </footer>
  )
}
