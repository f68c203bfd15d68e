import "server-only";
// The model registry: each committed model is a folder models/<name>/ with its card.json (version, inputs,
// outputs, metrics). The first use in a process records the version as a ModelVersion row (the active one for its
// name), so embeddings, /api/health and responses can name the exact version that produced them.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";

export interface TensorSpec {
  name: string;
  dtype?: string;
  shape?: (number | string)[];
  [key: string]: unknown;
}

export interface ModelCard {
  name: string;
  version: string;
  inputs?: TensorSpec[];
  outputs?: TensorSpec[];
  [key: string]: unknown;
}

export interface RegisteredModel {
  /** ModelVersion.id */
  id: string;
  name: string;
  version: string;
  dir: string;
  card: ModelCard;
}

const holder = globalThis as typeof globalThis & { __atelierModels?: Map<string, Promise<RegisteredModel | null>> };

/** models/ beside the app, or MODELS_DIR (tests and the benchmark point it elsewhere). */
export function modelsRoot(): string {
  return path.resolve(process.env.MODELS_DIR || "models");
}

export function modelDir(name: string): string {
  if (!/^[a-z0-9_-]+$/.test(name)) throw new Error(`invalid model name ${name}`);
  return path.join(modelsRoot(), name);
}

/** The card of models/<name>/, or null while that model has not landed. */
export async function readModelCard(name: string): Promise<ModelCard | null> {
  try {
    const card = JSON.parse(await readFile(path.join(modelDir(name), "card.json"), "utf8")) as ModelCard;
    if (typeof card.version !== "string" || !card.version) throw new Error(`models/${name}/card.json has no version`);
    return { ...card, name: card.name || name };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The model as registered in the database (created on first use), or null while its folder or card is missing.
 * Cached per process, database and card file; a new card (a retrained model) registers a new active version.
 */
export async function registeredModel(name: string): Promise<RegisteredModel | null> {
  const cardFile = path.join(modelDir(name), "card.json");
  const stamp = await stat(cardFile).then((s) => s.mtimeMs, () => 0);
  const key = `${process.env.DATABASE_URL ?? ""}|${cardFile}|${stamp}`;
  const cache = (holder.__atelierModels ??= new Map());
  let entry = cache.get(key);
  if (!entry) {
    entry = register(name);
    cache.set(key, entry);
    entry.then((m: RegisteredModel | null) => !m && cache.delete(key), () => cache.delete(key));
  }
  return entry;
}

async function register(name: string): Promise<RegisteredModel | null> {
  const card = await readModelCard(name);
  if (!card) return null;
  const client = await db();
  const row = await client.modelVersion.upsert({
    where: { name_version: { name, version: card.version } },
    create: { name, version: card.version, card: JSON.stringify(card), active: true },
    update: { card: JSON.stringify(card), active: true },
    select: { id: true },
  });
  await client.modelVersion.updateMany({ where: { name, NOT: { id: row.id } }, data: { active: false } });
  return { id: row.id, name, version: card.version, dir: modelDir(name), card };
}

/** Forgets cached registrations (tests that swap databases or model folders). */
export function forgetRegisteredModels(): void {
  holder.__atelierModels = undefined;
}
