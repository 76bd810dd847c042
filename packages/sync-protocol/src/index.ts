export * from './close-codes';
export * from './doc-keys';
export * from './doc-names';
export * from './limits';
export * from './live-messages';
export * from './message-types';
export * from './stored-ack';
export * from './version';
