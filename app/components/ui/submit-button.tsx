import type { ButtonHTMLAttributes, ReactNode } from 'react'

/**
 * A form's main submit button (primary style); `block` stretches it across the form, as on the
 * sign-in card. Other attributes (`name`, `value`, `disabled`, `aria-label`) go to the button.
 */
export function SubmitButton({
  block = false,
  children,
  ...button
}: { block?: boolean; children: ReactNode } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return (
    <button
      type="submit"
      className={block ? 'button button--primary button--block' : 'button button--primary'}
      {...button}
    >
      {children}
    </button>
  )
}
