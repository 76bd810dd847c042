/*
 * The parts of the sync protocol the apps' features read documents with: the keys inside each document
 * type, rejection entries, and document references for the few places that name a document outside a hook
 * (creating a report, request-queue subjects). Re-exported here so apps depend on the client only.
 */
export {
  type DocRef,
  docName,
  driverDocKeys,
  rejectionKey,
  reportDoc,
  reportDocKeys,
  riderDocKeys,
} from '@kigaligo/sync-protocol';
