import { describe, expect, it } from 'vitest'
import { toChecksumAddress, validateCryptoAddress } from './crypto-addresses'
import { CRYPTO_ASSETS, type CryptoNetwork } from './crypto-networks'

function accepted(network: CryptoNetwork, address: string) {
  const result = validateCryptoAddress(network, address)
  if (!result.ok) throw new Error(`${address} refused on ${network}: ${result.message}`)
  return result
}

function refused(network: CryptoNetwork, address: string) {
  const result = validateCryptoAddress(network, address)
  if (result.ok) throw new Error(`${address} accepted on ${network} as ${result.format}`)
  return result.message
}

/** Replaces the character at `index` with another one from the same alphabet. */
function changeCharacter(address: string, index: number, alphabet: string): string {
  const current = address[index]!
  const replacement = [...alphabet].find((c) => c !== current && c.toLowerCase() !== current.toLowerCase())!
  return address.slice(0, index) + replacement + address.slice(index + 1)
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const HEX = '0123456789abcdef'

describe('Bitcoin addresses', () => {
  const valid: [string, string][] = [
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'P2PKH'], // the genesis block's coinbase address
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'P2PKH'], // the Bitcoin wiki example
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'P2SH'], // the Bitcoin wiki P2SH example
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'P2WPKH'], // BIP-173
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'P2WSH'], // BIP-173
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'P2TR'], // BIP-350 / BIP-86 generator key
    ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', 'segwit v1'], // BIP-350
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'segwit v2'], // BIP-350
  ]

  it.each(valid)('accepts %s as %s', (address, format) => {
    expect(accepted('bitcoin', address)).toEqual({ ok: true, address, format })
  })

  it('accepts upper-case bech32 (BIP-173 allows it, e.g. for QR codes) and stores it in lower case', () => {
    expect(accepted('bitcoin', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toEqual({
      ok: true,
      address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      format: 'P2WPKH',
    })
    expect(accepted('bitcoin', 'BC1SW50QGDZ25J').format).toBe('segwit v16') // BIP-350
  })

  it('trims surrounding whitespace from a pasted address', () => {
    expect(accepted('bitcoin', '  1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n').address).toBe(
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    )
  })

  it('catches one changed character anywhere in every valid address', () => {
    for (const [address] of valid) {
      // Without '1': a leading 1 in base58 stands for a zero byte and would change the length instead.
      const alphabet = address.startsWith('bc1') ? BECH32 : BASE58.slice(1)
      const start = address.startsWith('bc1') ? 4 : 1
      for (const index of [start, Math.floor(address.length / 2), address.length - 1]) {
        const message = refused('bitcoin', changeCharacter(address, index, alphabet))
        expect(message).toContain('typo')
      }
    }
  })

  it('says a typo when a checksum does not match', () => {
    expect(refused('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBe(
      'This Bitcoin address has a typo: its checksum does not match.',
    )
    expect(refused('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toMatch(/^This Bitcoin address has a typo/)
  })

  it('refuses a truncated or lengthened address', () => {
    expect(refused('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf')).toMatch(/not a complete Bitcoin address/)
    expect(refused('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNaa')).toMatch(/not a complete Bitcoin address|typo/)
    expect(refused('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3')).toMatch(/typo/)
    expect(refused('bitcoin', 'bc1gmk9yu')).toMatch(/not a complete/) // BIP-350: empty data section
  })

  it('refuses testnet and regtest addresses with a message that says so', () => {
    for (const address of [
      'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', // testnet P2PKH
      '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', // testnet P2SH
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', // BIP-173
      'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c', // BIP-350
      'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', // regtest
    ]) {
      expect(refused('bitcoin', address)).toMatch(/testnet/)
    }
  })

  it('refuses the bech32 / bech32m mix-ups of BIP-350', () => {
    // Witness v1 and v16 written with the old bech32 checksum.
    expect(refused('bitcoin', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd')).toMatch(
      /bech32m checksum/,
    )
    expect(refused('bitcoin', 'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL')).toMatch(
      /bech32m checksum/,
    )
    // Witness v0 written with the new bech32m checksum.
    expect(refused('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh')).toMatch(/original bech32 checksum/)
  })

  it('refuses the other invalid segwit addresses of BIP-173 and BIP-350', () => {
    for (const address of [
      'tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', // unknown prefix
      'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', // "o" is not a bech32 character
      'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', // witness version 17
      'bc1pw5dgrnzv', // 1-byte program
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', // 41-byte program
      'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', // 16-byte program for version 0
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', // more than 4 padding bits
      'bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', // mixed case
    ]) {
      refused('bitcoin', address)
    }
    expect(refused('bitcoin', 'bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatch(/capital and small letters/)
  })

  it('refuses addresses of other networks and of other coins', () => {
    expect(refused('bitcoin', '0xdAC17F958D2ee523a2206206994597C13D831ec7')).toMatch(/Ethereum-style/)
    expect(refused('bitcoin', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')).toMatch(/not a complete Bitcoin address/)
    // A Litecoin address is base58check with version 0x30: valid checksum, wrong coin.
    expect(refused('bitcoin', 'LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9')).toMatch(/not a Bitcoin address/)
    expect(refused('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0')).toMatch(/except 0, O, I and l/)
    expect(refused('bitcoin', '')).toBe('Enter a Bitcoin address.')
  })
})

describe('EVM addresses (Ethereum, BNB Smart Chain, Polygon)', () => {
  // EIP-55's own test vectors, the USDT/USDC contracts, well-known wallets and burn addresses.
  const checksummed = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    '0xdAC17F958D2ee523a2206206994597C13D831ec7', // USDT (ERC-20)
    '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', // USDC (ERC-20)
    '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', // WETH
    '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', // vitalik.eth
  ]
  const bsc = [
    '0x55d398326f99059fF775485246999027B3197955',
    '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d',
    '0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c',
  ] // BSC-USD, USDC (BEP-20), WBNB
  const polygon = [
    '0xc2132D05D31c914a87C6611C10748AEb04B58e8F',
    '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
    '0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270',
  ] // USDT, USDC, WPOL

  it.each(checksummed)('accepts %s with a valid EIP-55 checksum on every EVM network', (address) => {
    for (const network of ['ethereum', 'bsc', 'polygon'] as const) {
      expect(accepted(network, address)).toEqual({ ok: true, address, format: 'EVM (EIP-55)' })
    }
  })

  it('accepts the BNB Smart Chain and Polygon token contracts', () => {
    for (const address of bsc) expect(accepted('bsc', address).format).toBe('EVM (EIP-55)')
    for (const address of polygon) expect(accepted('polygon', address).format).toBe('EVM (EIP-55)')
  })

  it('refuses corrupted BNB Smart Chain and Polygon addresses: a flipped capital, a changed digit, a cut end', () => {
    const corruptions = (address: string) => {
      const index = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c))
      const c = address[index]!
      const flipped =
        address.slice(0, index) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + address.slice(index + 1)
      return [flipped, changeCharacter(address, 20, HEX), address.slice(0, -1)]
    }
    for (const address of bsc)
      for (const bad of corruptions(address)) expect(refused('bsc', bad)).toMatch(/BNB Smart Chain address/)
    for (const address of polygon)
      for (const bad of corruptions(address)) expect(refused('polygon', bad)).toMatch(/Polygon PoS address/)
  })

  it('keeps every token contract this app ships in checksummed form', () => {
    for (const info of Object.values(CRYPTO_ASSETS)) {
      for (const [network, contract] of Object.entries(info.contract ?? {})) {
        expect(accepted(network as CryptoNetwork, contract).address).toBe(contract)
      }
    }
  })

  it('accepts all-lower and all-upper case (no checksum, as EIP-55 allows) and stores the checksummed form', () => {
    expect(accepted('ethereum', '0xde709f2102306220921060314715629080e2fb77')).toEqual({
      ok: true,
      address: '0xde709f2102306220921060314715629080e2fb77',
      format: 'EVM (no checksum)',
    })
    expect(accepted('ethereum', '0x52908400098527886E0F7030069857D2E4169EE7').address).toBe(
      '0x52908400098527886E0F7030069857D2E4169EE7',
    )
    expect(accepted('ethereum', '0xdac17f958d2ee523a2206206994597c13d831ec7').address).toBe(
      '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    )
    expect(accepted('bsc', '0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED').address).toBe(
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    )
  })

  it('computes the EIP-55 form of each test vector', () => {
    for (const address of checksummed) expect(toChecksumAddress(address.toLowerCase())).toBe(address)
  })

  it('catches a letter in the wrong case', () => {
    for (const address of checksummed) {
      const index = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c))
      const c = address[index]!
      const flipped =
        address.slice(0, index) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + address.slice(index + 1)
      expect(refused('ethereum', flipped)).toBe(
        'This Ethereum address has a typo: its checksum (the pattern of capital letters) does not match.',
      )
    }
  })

  it('catches one changed hex digit in a checksummed address with enough letters to carry a checksum', () => {
    // Each letter carries one checksum bit, so a mostly-digit address like 0x…dEaD is only weakly protected.
    const lettered = [...checksummed, ...bsc].filter((address) => address.slice(2).replace(/[0-9]/g, '').length >= 12)
    expect(lettered.length).toBeGreaterThan(8)
    for (const address of lettered) {
      for (const index of [2, 21, 41]) refused('ethereum', changeCharacter(address, index, HEX))
    }
  })

  it('refuses truncated, lengthened, prefix-less and non-hex addresses', () => {
    expect(refused('ethereum', '0xdAC17F958D2ee523a2206206994597C13D831ec')).toMatch(
      /39 characters after 0x instead of 40/,
    )
    expect(refused('ethereum', '0xdAC17F958D2ee523a2206206994597C13D831ec77')).toMatch(/41 characters/)
    expect(refused('polygon', 'dAC17F958D2ee523a2206206994597C13D831ec7')).toBe(
      'A Polygon PoS address starts with 0x: add it in front.',
    )
    expect(refused('bsc', '0xdAC17F958D2ee523a2206206994597C13D831ecG')).toMatch(
      /only has the digits 0–9 and the letters a–f/,
    )
    expect(refused('ethereum', 'dAC17F958D2ee523a2206206994597C13D831ec7')).toBe(
      'An Ethereum address starts with 0x: add it in front.',
    )
    expect(refused('ethereum', '')).toBe('Enter an Ethereum address.')
  })

  it('reads a capital 0X prefix as 0x', () => {
    expect(accepted('ethereum', '0XdAC17F958D2ee523a2206206994597C13D831ec7').address).toBe(
      '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    )
  })

  it('refuses Bitcoin and Solana addresses on an EVM network', () => {
    expect(refused('ethereum', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatch(/looks like a Bitcoin address/)
    expect(refused('bsc', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toMatch(/looks like a Bitcoin address/)
    expect(refused('polygon', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')).toMatch(/starts with 0x/)
  })
})

describe('Solana addresses', () => {
  const valid = [
    'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', // SPL Token Program
    'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb', // Token-2022 Program
    'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL', // Associated Token Account Program
    'So11111111111111111111111111111111111111112', // Wrapped SOL mint
    'Vote111111111111111111111111111111111111111', // Vote Program
    'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr', // Memo Program
  ]

  it.each(valid)('accepts %s as a 32-byte public key', (address) => {
    expect(accepted('solana', address)).toEqual({ ok: true, address, format: 'Solana public key' })
  })

  it('refuses truncated and lengthened keys (Solana has no checksum, so length and alphabet are what can be checked)', () => {
    expect(refused('solana', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D')).toMatch(/not a complete Solana address/)
    expect(refused('solana', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DAx')).toMatch(/not a complete Solana address/)
    expect(refused('solana', '1111111111111111111111111111111')).toMatch(/not a complete Solana address/)
  })

  it('refuses characters outside base58', () => {
    for (const bad of ['0', 'O', 'I', 'l']) {
      expect(refused('solana', `Tokenkeg${bad}feZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA`)).toMatch(/except 0, O, I and l/)
    }
  })

  it('refuses Bitcoin and EVM addresses on Solana', () => {
    expect(refused('solana', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toMatch(/Bitcoin address/)
    expect(refused('solana', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toMatch(/Bitcoin address/)
    expect(refused('solana', '0xdAC17F958D2ee523a2206206994597C13D831ec7')).toMatch(/Ethereum-style/)
  })
})

describe('burn addresses', () => {
  it.each([
    ['ethereum', '0x0000000000000000000000000000000000000000'],
    ['ethereum', '0x000000000000000000000000000000000000dead'],
    ['bsc', '0x000000000000000000000000000000000000dEaD'],
    ['polygon', '0x000000000000000000000000000000000000DEAD'],
    ['solana', '11111111111111111111111111111111'],
    ['solana', '1nc1nerator11111111111111111111111111111111'],
    ['bitcoin', '1111111111111111111114oLvT2'],
    ['bitcoin', '1BitcoinEaterAddressDontSendf59kuE'],
  ] as const)('refuses %s %s: well formed, but nobody can ever spend what is sent there', (network, address) => {
    expect(refused(network, address)).toMatch(/^This is a burn address/)
  })
})
