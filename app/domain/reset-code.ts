/** How long a password reset code works: in the email, in help and on the reset page alike. */
export const RESET_CODE_MINUTES = 15
