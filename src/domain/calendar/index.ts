export * from './calendar-schema';
export * from './business-calendar';
export * from './civil-date';
export * from './time-zone';
export * from './ics-holidays';
