import { describe, expect, it } from 'vitest'
import { paymentUri, unitsToDecimal } from './crypto-uris'

const BTC_ADDRESS = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
const EVM_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const SOL_ADDRESS = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA'

describe('unitsToDecimal', () => {
  it('writes every significant digit and drops trailing zeros', () => {
    expect(unitsToDecimal(125_000n, 8)).toBe('0.00125')
    expect(unitsToDecimal(100_000_000n, 8)).toBe('1')
    expect(unitsToDecimal(1n, 18)).toBe('0.000000000000000001')
    expect(unitsToDecimal(123_456_789_012_345_678_901n, 18)).toBe('123.456789012345678901')
    expect(unitsToDecimal(0n, 9)).toBe('0')
    expect(unitsToDecimal(42n, 0)).toBe('42')
  })

  it('refuses a negative amount', () => {
    expect(() => unitsToDecimal(-1n, 8)).toThrow(RangeError)
  })
})

describe('paymentUri', () => {
  it('writes a BIP21 link with the amount in BTC and an encoded label', () => {
    expect(
      paymentUri({
        asset: 'BTC',
        network: 'bitcoin',
        address: BTC_ADDRESS,
        units: 125_000n,
        label: 'MegiLance',
        message: 'Milestone “Design” & more',
      }),
    ).toBe(
      `bitcoin:${BTC_ADDRESS}?amount=0.00125&label=MegiLance&message=Milestone%20%E2%80%9CDesign%E2%80%9D%20%26%20more`,
    )
    expect(paymentUri({ asset: 'BTC', network: 'bitcoin', address: BTC_ADDRESS, units: 2_100_000_000_000_000n })).toBe(
      `bitcoin:${BTC_ADDRESS}?amount=21000000`,
    )
  })

  it('writes EIP-681 native transfers in wei with the chain id of each network', () => {
    expect(
      paymentUri({ asset: 'ETH', network: 'ethereum', address: EVM_ADDRESS, units: 1_500_000_000_000_000_000n }),
    ).toBe(`ethereum:${EVM_ADDRESS}@1?value=1500000000000000000`)
    expect(paymentUri({ asset: 'BNB', network: 'bsc', address: EVM_ADDRESS, units: 10n ** 17n })).toBe(
      `ethereum:${EVM_ADDRESS}@56?value=100000000000000000`,
    )
    expect(paymentUri({ asset: 'POL', network: 'polygon', address: EVM_ADDRESS, units: 42n })).toBe(
      `ethereum:${EVM_ADDRESS}@137?value=42`,
    )
  })

  it('writes EIP-681 token transfers that call the token contract with the recipient and the token units', () => {
    expect(paymentUri({ asset: 'USDT', network: 'ethereum', address: EVM_ADDRESS, units: 500_000_000n })).toBe(
      `ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=${EVM_ADDRESS}&uint256=500000000`,
    )
    expect(paymentUri({ asset: 'USDC', network: 'polygon', address: EVM_ADDRESS, units: 1_000_000n })).toBe(
      `ethereum:0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359@137/transfer?address=${EVM_ADDRESS}&uint256=1000000`,
    )
    // The BNB Smart Chain pegs use 18 decimals: 5 USDT is 5·10^18 units there.
    expect(paymentUri({ asset: 'USDT', network: 'bsc', address: EVM_ADDRESS, units: 5n * 10n ** 18n })).toBe(
      `ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer?address=${EVM_ADDRESS}&uint256=5000000000000000000`,
    )
  })

  it('writes a Solana Pay transfer request with the amount in SOL', () => {
    expect(
      paymentUri({ asset: 'SOL', network: 'solana', address: SOL_ADDRESS, units: 1_250_000_000n, label: 'MegiLance' }),
    ).toBe(`solana:${SOL_ADDRESS}?amount=1.25&label=MegiLance`)
    expect(paymentUri({ asset: 'SOL', network: 'solana', address: SOL_ADDRESS, units: 1n })).toBe(
      `solana:${SOL_ADDRESS}?amount=0.000000001`,
    )
  })
})
