export { durationParts, formatDuration, formatDurationLong } from './duration';
export type { DurationParts } from './duration';
export { formatDate, formatDateTime, formatDateTimeWithZone, formatTime } from './date';
export type { ViewerLocale } from './date';
export { formatRelative } from './relative';
export { toEpochMs } from './instant';
export type { Instant } from './instant';
