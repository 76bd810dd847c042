export { type CsvRecord, CsvStream, type CsvTable, parseCsv, record } from './csv';
export { FeedError, type ParseResult, parseFeed, REQUIRED_FILES, tryParseFeed } from './parse-feed';
export {
  type FeedSource,
  memoryFeedSource,
  type ParseProgress,
  PROGRESS_EVERY_ROWS,
  parseFeedStream,
} from './parse-feed-stream';
export { formatGtfsTime, isGtfsDate, parseGtfsTime } from './time';
export type * from './types';
