// PGlite is one PostgreSQL session shared by every socket connection. pglite-socket's queue
// runs wire-protocol messages one at a time and only keeps a connection's messages together
// while a transaction is open, so an extended-protocol exchange (Parse, Bind, Execute … Sync)
// from one connection could be split by another connection's messages: its unnamed statement
// or portal vanished ("portal \"\" does not exist") whenever transactions ran beside queries.
// This keeps each exchange together as well: after a Parse/Bind/Describe/Execute/Close/Flush
// from a connection, only that connection's messages run until its Sync.

type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type QueueInternals = {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<unknown>;
  };
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

// 'P' Parse, 'B' Bind, 'D' Describe, 'E' Execute, 'C' Close, 'H' Flush: an exchange that Sync ('S') ends.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

export function keepProtocolExchangesTogether(server: unknown): void {
  const queue = (server as { queryQueue?: QueueInternals }).queryQueue;
  // This relies on pglite-socket 0.2.17's internals (pinned in package.json). If they change, the
  // interleaving bug above comes back silently — so refuse to start instead of running unprotected.
  const db = queue?.db as Partial<QueueInternals["db"]> | undefined;
  if (
    !queue ||
    typeof queue.processQueue !== "function" ||
    typeof queue.clearQueueForHandler !== "function" ||
    !Array.isArray(queue.queue) ||
    typeof db?.isInTransaction !== "function" ||
    typeof db.runExclusive !== "function" ||
    typeof db.execProtocolRawStream !== "function"
  ) {
    throw new Error(
      "Haven's embedded database needs @electric-sql/pglite-socket 0.2.17: its query queue changed shape, so server/db/pglite-queue.ts can no longer keep protocol exchanges together. Pin the version in package.json or update that file.",
    );
  }
  let openExchange = false;

  queue.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = (openExchange || this.db.isInTransaction()) && this.lastHandlerId !== null;
        const index = sticky ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        // The owner of the open exchange or transaction has nothing queued yet: wait for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          openExchange = false;
          item.reject(error);
          continue;
        }
        // Sync (or any other message) closes the exchange; only messages of the sticky connection get here.
        openExchange = EXTENDED.has(item.message[0] ?? 0);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);

  // A connection that goes away mid-exchange must not leave the others waiting for its Sync.
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    if (openExchange && queue.lastHandlerId === handlerId) {
      openExchange = false;
      void queue.processQueue();
    }
  };
}
