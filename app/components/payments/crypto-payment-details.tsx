import { Link } from '@remix-run/react'
import type { CryptoPaymentView } from '~/services/payments/crypto/crypto-payments.server'
import { networkLabel } from '~/domain/crypto-networks'
import { formatDateTime } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'

type View = Omit<CryptoPaymentView, 'rateAsOf' | 'expiresAt' | 'confirmedAt'> & {
  rateAsOf: string
  expiresAt: string
  confirmedAt: string | null
}

/** What to send where: amount, network, address, the wallet link and its QR code, and until when. */
export function CryptoPaymentDetails({ view }: { view: View }) {
  return (
    <CardSection id="crypto-send-heading" title="Where to send it">
      <div className="crypto-pay">
        <figure className="crypto-pay__qr" aria-labelledby="crypto-qr-caption">
          {/* Our own SVG, drawn on the server by the qrcode package from the payment link. */}
          <div dangerouslySetInnerHTML={{ __html: view.qrSvg }} />
          <figcaption id="crypto-qr-caption" className="muted">
            QR code of the payment link: scan it with your wallet app
          </figcaption>
        </figure>
        <dl className="crypto-pay__facts">
          <dt>Amount</dt>
          <dd>
            <code className="crypto-code">{view.amountDecimal}</code> {view.asset}
          </dd>
          <dt>Network</dt>
          <dd>{networkLabel(view.network)}</dd>
          <dt>Address</dt>
          <dd>
            <code className="crypto-code">{view.address}</code>
          </dd>
          {view.tokenContract ? (
            <>
              <dt>{view.asset} token contract</dt>
              <dd>
                <code className="crypto-code">{view.tokenContract}</code>
              </dd>
            </>
          ) : null}
          <dt>Rate</dt>
          <dd>
            {view.rateText} ({view.rateSource}, {formatDateTime(view.rateAsOf)})
          </dd>
          <dt>Locked until</dt>
          <dd>
            <time dateTime={view.expiresAt}>{formatDateTime(view.expiresAt)}</time>
          </dd>
        </dl>
      </div>
      <p>
        Send exactly this amount of {view.asset} on {networkLabel(view.network)}, and nothing else: coins sent on
        another network or after the lock ends cannot fund this milestone.
      </p>
      <p>
        <a href={view.uri} className="button button--primary">
          Open in your wallet app
        </a>
      </p>
      <p className="muted">
        Payment link: <code className="crypto-code">{view.uri}</code>
      </p>
      <p>
        <Link to=".">Check whether the payment has arrived</Link>
      </p>
    </CardSection>
  )
}
