/**
 * An amount of money as people type it, in major units: digits, or digits grouped in threes by
 * commas ("10,000", "1,250.50"), then any decimals. Commas count only as thousands separators, in
 * their place; how many decimals the currency allows is the parser's check (utils/money.ts), so it
 * can say so. The form schemas and the parser read amounts by this one pattern.
 */
export const AMOUNT_PATTERN = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/
