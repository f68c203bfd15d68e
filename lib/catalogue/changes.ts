// When the catalogue (products or their stored vectors) last changed, as this server process knows it. Writes in
// any server process announce themselves here and, through the cluster bus, in every other process; the caches
// built from the database (listing reads, vector indexes) then know to look again at once. Checking the database
// itself is not free at 100k products (the vector indexes' fingerprints scan ~300k embedding rows, ~0.3 s on the
// event loop with SQLite), so without an announcement they only look every SLOW_CHECK_MS, which bounds how long a
// write from outside the server (a CLI import) takes to show.
import { publish, subscribe } from "../server/cluster-bus";
import { catalogueChangedAt, markCatalogueChanged } from "./read-cache";

export const SLOW_CHECK_MS = 30_000;

const noteChange = () => markCatalogueChanged();

/** Records a catalogue write here and in every other server process. */
export function announceCatalogueChange(): void {
  noteChange();
  publish({ type: "atelier:catalogue-changed" });
}

subscribe("atelier:catalogue-changed", noteChange);

/** Whether a cache last checked against the database at `checkedAt` should check again now. */
export function shouldRecheck(checkedAt: number, now = Date.now()): boolean {
  return catalogueChangedAt() >= checkedAt || now - checkedAt > SLOW_CHECK_MS;
}
