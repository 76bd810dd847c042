// First: configures zod for the browsers' CSP before any schema below is built.
import './csp-safe-zod';

export * from './api-answers';
export * from './app-config';
export * from './booking';
export * from './common';
export * from './dispatch';
export * from './evidence-sniff';
export * from './fares';
export * from './geometry';
export * from './ids';
export * from './message-format';
export * from './network';
export * from './notifications';
export * from './payment';
export * from './planning';
export * from './position';
export * from './provider-origins';
export * from './reconcile-rejection';
export * from './report-api';
export * from './safety-report';
export * from './saved-route';
export * from './severity';
export * from './text';
export * from './tracking';
export * from './trip';
export * from './user';
export * from './vehicle';
