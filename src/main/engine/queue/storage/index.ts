/** The durable write-queue storage (issue 5, items 1 and 2). Format: FORMAT.md. */
export { openQueueStore, FileQueueStore, type QueueStoreOptions } from './queue-store'
export { openQueueLog, type QueueLogOptions } from './open-queue-log'
export { FileQueueLog, type QueueLogStatus } from './file-queue-log'
export { nodeFileLayer, type FileLayer, type LayerFile, type OpenMode } from './file-layer'
export { defaultCompactionPolicy, type CompactionPolicy } from './log-writer'
export { payloadHash, canonicalPayloadJson } from './payload-hash'
