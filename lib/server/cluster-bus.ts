// Messages between the server processes of the clustered production server (scripts/serve.mjs): a process
// publishes, the primary relays to every other process. Per-process state that must agree across processes (the
// listing cache after a write, the sign-in limiter) stays in memory and stays consistent. Outside the cluster
// (`next dev`, tests, scripts) publishing does nothing and handlers never fire: there is no other process.
export interface BusMessage {
  type: `atelier:${string}`;
  [field: string]: unknown;
}

type Handler = (message: BusMessage) => void;

const holder = globalThis as typeof globalThis & { __atelierBus?: Map<string, Handler> };

const inCluster = () => Boolean(process.env.ATELIER_WORKER && process.send);

/** Sends a message to every other server process. */
export function publish(message: BusMessage): void {
  if (inCluster()) process.send!(message);
}

/** Runs `handler` for messages of `type` from the other processes; one handler per type (re-subscribing replaces it). */
export function subscribe(type: BusMessage["type"], handler: Handler): void {
  if (!inCluster()) return;
  if (!holder.__atelierBus) {
    const handlers = (holder.__atelierBus = new Map());
    process.on("message", (message: Partial<BusMessage> | null) => {
      if (typeof message?.type === "string") handlers.get(message.type)?.(message as BusMessage);
    });
  }
  holder.__atelierBus.set(type, handler);
}
