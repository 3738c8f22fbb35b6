import pino from 'pino'
import { getEnv } from './env.server'
import { logMixin } from './request-context.server'

export const logger = pino({ level: getEnv().LOG_LEVEL, mixin: logMixin })
