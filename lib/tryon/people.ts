import "server-only";
// Model photos in the database: the gallery read (GET /api/people), the default generated gallery the seed
// writes, and the console's writes (hide, reorder, upload).
import { randomBytes } from "node:crypto";
import pLimit from "p-limit";
import { db } from "../db";
import { generateCatalogue } from "../catalogue/generator";
import { imageUrl, keyOf, personRendition, saveImage } from "../images/store";
import { validateImage } from "../images/validate";
import { figureSpecOf } from "./figures/outfit";
import { drawModelPhoto, truthOf } from "./figures/photo";
import { hairKey } from "./figures/vocabulary";
import { personAttributesSchema, type PeopleFilter } from "./people-schema";

export interface GalleryPerson { id: string; imageUrl: string; attributes: { pose: string; bodyShape: string; skinTone: string } }

export async function listPeople(filter: PeopleFilter = {}): Promise<GalleryPerson[]> {
  const rows = await (await db()).person.findMany({
    where: { hidden: false, ...(filter.bodyShape ? { bodyShape: filter.bodyShape } : {}), ...(filter.skinTone ? { skinTone: filter.skinTone } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((p) => ({ id: p.id, imageUrl: imageUrl(p.imageKey), attributes: { pose: p.pose, bodyShape: p.bodyShape, skinTone: p.skinTone } }));
}

export interface AdminPerson { id: string; imageUrl: string; pose: string; bodyShape: string; skinTone: string; hair: string; hidden: boolean; source: string; garments: number }

/** Every person, hidden ones too, in gallery order, for the console. */
export async function listPeopleForAdmin(): Promise<AdminPerson[]> {
  const rows = await (await db()).person.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return rows.map((p) => ({
    id: p.id, imageUrl: imageUrl(p.imageKey), pose: p.pose, bodyShape: p.bodyShape, skinTone: p.skinTone, hair: p.hair,
    hidden: p.hidden, source: p.source, garments: (JSON.parse(p.truth || "{}").garments ?? []).length,
  }));
}

export interface SeedPeopleOptions { count?: number; seed?: number; catalogue: { count: number; seed: number } }

export const DEFAULT_GALLERY = { count: 24, seed: 1 } as const;

/**
 * Seeds the default gallery: `count` generated figures wearing products of the seeded catalogue (same generator,
 * same count and seed, so every worn product id exists). Idempotent by id; the images are content-addressed.
 */
export async function seedPeople({ count = DEFAULT_GALLERY.count, seed = DEFAULT_GALLERY.seed, catalogue }: SeedPeopleOptions): Promise<{ created: number; skipped: number }> {
  const client = await db();
  const products = generateCatalogue(catalogue);
  const ids = Array.from({ length: count }, (_, i) => `fig-${seed}-${String(i).padStart(3, "0")}`);
  const existing = new Set((await client.person.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));
  const limit = pLimit(2);
  const rows = await Promise.all(ids.map((id, i) => existing.has(id) ? null : limit(async () => {
    const spec = figureSpecOf(i, seed, products);
    const photo = await drawModelPhoto(spec);
    const master = await personRendition(photo.png);
    const parseKey = keyOf(photo.labelPng, "png");
    await Promise.all([saveImage(master.key, master.data), saveImage(parseKey, photo.labelPng)]);
    return {
      id, imageKey: master.key, width: master.width, height: master.height, pose: spec.pose, bodyShape: spec.bodyShape,
      skinTone: spec.skinTone, hair: hairKey(spec.hairStyle, spec.hairColour), position: i, source: "generated",
      truth: JSON.stringify(truthOf(photo, parseKey)),
    };
  })));
  const todo = rows.filter((r): r is NonNullable<typeof r> => r !== null);
  if (todo.length) await client.person.createMany({ data: todo });
  return { created: todo.length, skipped: existing.size };
}

export async function setPersonHidden(id: string, hidden: boolean): Promise<void> {
  await (await db()).person.updateMany({ where: { id }, data: { hidden } });
}

/** Swaps a person with its neighbour in gallery order and renumbers everyone, so positions stay dense. */
export async function movePerson(id: string, direction: "up" | "down"): Promise<void> {
  const client = await db();
  await client.$transaction(async (tx) => {
    const ordered = await tx.person.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, position: true } });
    const at = ordered.findIndex((p) => p.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ordered.length) return;
    [ordered[at], ordered[to]] = [ordered[to], ordered[at]];
    for (const [position, p] of ordered.entries()) if (p.position !== position) await tx.person.update({ where: { id: p.id }, data: { position } });
  });
}

export class PersonUploadError extends Error {
  constructor(message: string, readonly field: "image" | "pose" | "bodyShape" | "skinTone" | null, readonly status = 400) {
    super(message);
  }
}

/**
 * Adds an uploaded model photo at the end of the gallery. The bytes are checked like product uploads (size,
 * content sniffing, completeness, pixel count) before decoding, then normalised to the 384×512 portrait frame.
 */
export async function createUploadedPerson(data: Uint8Array, attributes: unknown): Promise<{ id: string }> {
  const parsed = personAttributesSchema.safeParse(attributes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PersonUploadError(issue.message, (issue.path[0] as PersonUploadError["field"]) ?? null);
  }
  const check = await validateImage(data);
  if (!check.ok) throw new PersonUploadError(check.message, "image", check.status);
  const master = await personRendition(check.data);
  await saveImage(master.key, master.data);
  const client = await db();
  const last = await client.person.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
  const id = `up-${randomBytes(6).toString("hex")}`;
  await client.person.create({
    data: { id, imageKey: master.key, width: master.width, height: master.height, ...parsed.data, position: (last?.position ?? -1) + 1, source: "uploaded" },
  });
  return { id };
}
