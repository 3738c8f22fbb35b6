import { Form, Link, useNavigation } from '@remix-run/react'
import type { SecondFactorChallenge, SecondFactorChallengeError } from '~/http/second-factor-challenge.server'
import { WebAuthnAnswer } from './webauthn-answer'
import { CodeField } from '~/components/security/code-field'
import { FormAlert } from '~/components/ui/form-alert'

type Props = SecondFactorChallenge & {
  lastResult: SecondFactorChallengeError | undefined
  pathname: string
  extraParams?: Record<string, string>
}

/** The second-factor challenge, at sign-in and as a step-up before a sensitive change: pick a method, answer it. */
export function SecondFactorChallengeForm({
  methods,
  chosen,
  prepared,
  sent,
  lastResult,
  pathname,
  extraParams = {},
}: Props) {
  const busy = useNavigation().state === 'submitting'
  const errors = lastResult?.initialValue?.method === chosen.method ? lastResult.error?.[''] : null
  const error = errors?.length ? errors : null
  const isCode = !chosen.needsJavaScript
  return (
    <>
      {methods.length > 1 ? (
        <nav aria-label="Ways to confirm" className="method-list">
          <ul>
            {methods.map((m) => (
              <li key={m.method}>
                <Link
                  to={`${pathname}?${new URLSearchParams({ ...extraParams, method: m.method })}`}
                  aria-current={m.method === chosen.method ? 'true' : undefined}
                  replace
                >
                  {m.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2>{chosen.label}</h2>
      {chosen.sendsCode ? (
        // Sending comes first, as the words say; its own form, so Enter in the code box confirms.
        // One live region says what happened: before sending what to do, after it where the code went.
        <Form method="post" className="stack">
          <input type="hidden" name="method" value={chosen.method} />
          <p className="muted" role="status">
            {sent === chosen.method
              ? `We sent a 6-digit code ${chosen.hint}. It works once, for 10 minutes.`
              : `Press “Send a code” and we will send a 6-digit code ${chosen.hint}.`}
          </p>
          <div className="action-row">
            <button
              type="submit"
              name="intent"
              value="send"
              className={`button ${sent === chosen.method ? 'button--secondary' : 'button--primary'}`}
              formNoValidate
            >
              {sent === chosen.method ? 'Send a new code' : 'Send a code'}
            </button>
          </div>
        </Form>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="method" value={chosen.method} />
        {chosen.method === 'totp' ? (
          <p className="muted">Enter the 6-digit code your authenticator app shows now.</p>
        ) : null}
        {chosen.method === 'backup_code' ? <p className="muted">Each backup code works once.</p> : null}
        {isCode ? (
          <CodeField
            id="second-factor-code"
            errorId="second-factor-error"
            error={Boolean(error)}
            inputMode={chosen.method === 'backup_code' ? 'text' : 'numeric'}
            // The code is the page's only task, right after the password.
            focus={!chosen.sendsCode || sent === chosen.method}
          />
        ) : (
          <WebAuthnAnswer
            options={prepared}
            label={`Use your ${chosen.method === 'passkey' ? 'passkey' : 'security key'}`}
          />
        )}
        <FormAlert id="second-factor-error" errors={error} />
        {isCode ? (
          <div className="action-row">
            <button
              type="submit"
              name="intent"
              value="verify"
              className={`button ${chosen.sendsCode && sent !== chosen.method ? 'button--secondary' : 'button--primary'}`}
              disabled={busy}
            >
              Confirm
            </button>
          </div>
        ) : (
          <input type="hidden" name="intent" value="verify" />
        )}
      </Form>
    </>
  )
}
