// Preloaded (`--import`) into a server a benchmark starts as it ships (sync-server/src/main.ts), so the bench can
// read its memory after full GCs as it does for the servers in benchmarks/servers/.
import { answerGcRequests } from './child-process';

answerGcRequests();
