export * from './schema/accounts'
export * from './schema/marketplace'
export * from './schema/email'
