export { createApp } from './app';
export type { AppDeps } from './app-env';
export { type RunningServer, type ServerOptions, startServer } from './server';
