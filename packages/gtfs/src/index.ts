export { type CsvTable, parseCsv, record } from './csv';
export { FeedError, type ParseResult, parseFeed, REQUIRED_FILES, tryParseFeed } from './parse-feed';
export { formatGtfsTime, isGtfsDate, parseGtfsTime } from './time';
export type * from './types';
