/**
 * Receiving-address validation with each network's real checksum, so a typo is caught before money
 * is sent to an address nobody owns. Mainnet only.
 *
 * - Bitcoin: base58check (P2PKH "1…", P2SH "3…") and segwit (BIP-173 bech32 for witness v0,
 *   BIP-350 bech32m for v1+, e.g. taproot "bc1p…"), with the witness program-length rules.
 * - EVM (Ethereum, BNB Smart Chain, Polygon): 0x + 40 hex with the EIP-55 mixed-case checksum.
 * - Solana: base58 that decodes to exactly a 32-byte public key (Solana has no checksum).
 */
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bech32, bech32m } from 'bech32'
import bs58 from 'bs58'
import bs58check from 'bs58check'
import { type CryptoNetwork, isEvmNetwork, networkLabel } from './crypto-networks'

export type AddressValidation = { ok: true; address: string; format: string } | { ok: false; message: string }

const refuse = (message: string): AddressValidation => ({ ok: false, message })

/** "a Bitcoin address", "an Ethereum address". */
const aOrAn = (label: string) => (/^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`)
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/
const BECH32_DATA = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/
const EVM_SHAPE = /^0x[0-9a-fA-F]{40}$/

export function validateCryptoAddress(network: CryptoNetwork, address: string): AddressValidation {
  // "0X…" is the same address; wallets and explorers write 0x.
  const trimmed = address.trim().replace(/^0X(?=[0-9a-fA-F]{40}$)/, '0x')
  if (trimmed === '') return refuse(`Enter ${aOrAn(networkLabel(network))} address.`)
  if (/\s/.test(trimmed)) return refuse('An address has no spaces in it: copy it again in one piece.')
  const validated = validateOnNetwork(network, trimmed)
  return validated.ok && isBurnAddress(validated.address) ? refuse(BURN_ADDRESS) : validated
}

function validateOnNetwork(network: CryptoNetwork, address: string): AddressValidation {
  if (network === 'bitcoin') return validateBitcoin(address)
  if (network === 'solana') return validateSolana(address)
  if (isEvmNetwork(network)) return validateEvm(network, address)
  return refuse('This network is not supported.')
}

const BURN_ADDRESS =
  'This is a burn address: whatever is sent to it can never be spent by anyone. Enter the address of your own wallet.'

/**
 * Well-formed addresses that nobody can spend from, which people paste from explorers and examples:
 * the EVM zero and 0x…dEaD addresses, Solana's system program and incinerator, and Bitcoin's
 * all-zero key hash and its "eater" address. Compared in the form validation returns.
 */
const BURN_ADDRESSES = new Set([
  '0x0000000000000000000000000000000000000000',
  '0x000000000000000000000000000000000000dEaD',
  '11111111111111111111111111111111',
  '1nc1nerator11111111111111111111111111111111',
  '1111111111111111111114oLvT2',
  '1BitcoinEaterAddressDontSendf59kuE',
])

function isBurnAddress(address: string): boolean {
  return BURN_ADDRESSES.has(address)
}

/** A hint for an address that clearly belongs to another family of networks. */
function otherFamily(address: string): string | undefined {
  if (/^0x[0-9a-fA-F]*$/i.test(address)) return 'an Ethereum-style (0x…) address'
  if (/^(bc1|tb1|bcrt1)/i.test(address) || /^[13mn2][1-9A-HJ-NP-Za-km-z]{24,34}$/.test(address))
    return 'a Bitcoin address'
  return undefined
}

// ── Bitcoin ──────────────────────────────────────────────────────────────────

const BTC_TYPO = 'This Bitcoin address has a typo: its checksum does not match.'
const BTC_TESTNET = 'This is a Bitcoin testnet address. Only real (mainnet) Bitcoin addresses are accepted.'

function validateBitcoin(address: string): AddressValidation {
  const lower = address.toLowerCase()
  if (/^(bc|tb|bcrt)1/.test(lower)) return validateSegwit(address)
  if (address.startsWith('0x')) return refuse('This looks like an Ethereum-style (0x…) address, not a Bitcoin address.')
  if (!BASE58.test(address))
    return refuse(
      'A Bitcoin address uses letters and digits except 0, O, I and l; this one has another character in it.',
    )
  const raw = bs58.decode(address)
  if (raw.length !== 25)
    return refuse('This is not a complete Bitcoin address: it is too short or too long. Copy it again.')
  const payload = bs58check.decodeUnsafe(address)
  if (!payload) return refuse(BTC_TYPO)
  const version = payload[0]
  if (version === 0x00) return { ok: true, address, format: 'P2PKH' }
  if (version === 0x05) return { ok: true, address, format: 'P2SH' }
  if (version === 0x6f || version === 0xc4) return refuse(BTC_TESTNET)
  return refuse('This is not a Bitcoin address (it may belong to another coin that uses the same kind of address).')
}

function validateSegwit(address: string): AddressValidation {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return refuse('This Bitcoin address mixes capital and small letters; a bc1 address is written all in one case.')
  }
  const lower = address.toLowerCase()
  const separator = lower.lastIndexOf('1')
  const prefix = lower.slice(0, separator)
  const data = lower.slice(separator + 1)
  if (prefix === 'tb' || prefix === 'bcrt') return refuse(BTC_TESTNET)
  if (prefix !== 'bc') return refuse('This is not a Bitcoin address.')
  if (!BECH32_DATA.test(data)) {
    return refuse('This Bitcoin address has a character that bc1 addresses never use (1, b, i or o after "bc1").')
  }
  if (data.length < 7) return refuse('This is not a complete Bitcoin address: it is too short. Copy it again.')
  const asBech32 = bech32.decodeUnsafe(lower, 90)
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(lower, 90)
  const decoded = asBech32 ?? asBech32m
  if (!decoded || decoded.words.length === 0) return refuse(BTC_TYPO)
  const [version, ...programWords] = decoded.words
  if (version === undefined || version > 16) return refuse('This Bitcoin address has an unknown segwit version.')
  // BIP-350: version 0 keeps bech32, every later version uses bech32m.
  if (version === 0 && !asBech32) return refuse(`${BTC_TYPO} (A bc1q address must use the original bech32 checksum.)`)
  if (version > 0 && !asBech32m) return refuse(`${BTC_TYPO} (A bc1p or later address must use the bech32m checksum.)`)
  const program = bech32.fromWordsUnsafe(programWords)
  if (!program || program.length < 2 || program.length > 40)
    return refuse('This is not a complete Bitcoin address: its data has the wrong length.')
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return refuse('This is not a complete Bitcoin address: a bc1q address is either 42 or 62 characters long.')
  }
  const format =
    version === 0
      ? program.length === 20
        ? 'P2WPKH'
        : 'P2WSH'
      : version === 1 && program.length === 32
        ? 'P2TR'
        : `segwit v${version}`
  return { ok: true, address: lower, format }
}

// ── EVM: Ethereum, BNB Smart Chain, Polygon ──────────────────────────────────

/** The EIP-55 form of a 40-hex-digit address: letters capitalised where the keccak hash nibble is ≥ 8. */
export function toChecksumAddress(address: string): string {
  const hex = address.slice(2).toLowerCase()
  const hash = keccak_256(new TextEncoder().encode(hex))
  let out = '0x'
  for (let i = 0; i < hex.length; i++) {
    const byte = hash[i >> 1] ?? 0
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i]!
  }
  return out
}

function validateEvm(network: CryptoNetwork, address: string): AddressValidation {
  const label = networkLabel(network)
  if (/^[0-9a-fA-F]{40}$/.test(address))
    return refuse(`${capitalised(aOrAn(label))} address starts with 0x: add it in front.`)
  if (!address.startsWith('0x')) {
    const family = otherFamily(address)
    return refuse(
      family
        ? `This looks like ${family}, not ${aOrAn(label)} address. ${capitalised(aOrAn(label))} address starts with 0x.`
        : `${capitalised(aOrAn(label))} address starts with 0x followed by 40 letters and digits.`,
    )
  }
  if (!/^0x[0-9a-fA-F]*$/.test(address))
    return refuse(
      `${capitalised(aOrAn(label))} address only has the digits 0–9 and the letters a–f after 0x; this one has another character in it.`,
    )
  if (!EVM_SHAPE.test(address)) {
    return refuse(
      `This is not a complete ${label} address: it has ${address.length - 2} characters after 0x instead of 40. Copy it again.`,
    )
  }
  const body = address.slice(2)
  const checksummed = toChecksumAddress(address)
  // EIP-55: an address written in one case carries no checksum; accept it and store the checksummed form.
  if (body === body.toLowerCase() || body === body.toUpperCase())
    return { ok: true, address: checksummed, format: 'EVM (no checksum)' }
  if (address !== checksummed)
    return refuse(`This ${label} address has a typo: its checksum (the pattern of capital letters) does not match.`)
  return { ok: true, address, format: 'EVM (EIP-55)' }
}

// ── Solana ───────────────────────────────────────────────────────────────────

function validateSolana(address: string): AddressValidation {
  if (address.startsWith('0x')) return refuse('This looks like an Ethereum-style (0x…) address, not a Solana address.')
  if (/^(bc1|tb1)/i.test(address)) return refuse('This looks like a Bitcoin address, not a Solana address.')
  if (!BASE58.test(address))
    return refuse(
      'A Solana address uses letters and digits except 0, O, I and l; this one has another character in it.',
    )
  const bytes = bs58.decode(address)
  if (bytes.length !== 32) {
    if (bytes.length === 25) return refuse('This looks like a Bitcoin address, not a Solana address.')
    return refuse('This is not a complete Solana address: it is too short or too long. Copy it again.')
  }
  return { ok: true, address, format: 'Solana public key' }
}
