/** The time zones people choose from: the profile's list (current IANA names, UTC first). */
export { isTimeZone, timeZoneNames } from '~/services/accounts/profile-fields'
