// Reading an import file (JSON Lines or CSV) into records that remember their line number, and mapping each
// record's flat columns onto the product input shape that productInputSchema validates.
import { parse as parseCsv, type CsvError, type Options } from "csv-parse/sync";
import { ATTRIBUTE_NAMES, type AttributeName } from "../ontology";

export const IMPORT_COLUMNS = [
  "sku", "title", "brand", "priceCents", "currency", "category", "color", "pattern",
  ...ATTRIBUTE_NAMES, "description", "inStock", "image",
] as const;

/** Fields of the API's Product shape that an exported file may carry; derived or server-owned, so ignored. */
const IGNORED_FIELDS = new Set(["id", "slot", "imageUrl", "thumbUrl"]);
const KNOWN_FIELDS = new Set<string>([...IMPORT_COLUMNS, "attributes"]);

export type ImportFormat = "jsonl" | "csv";

export interface ImportRecord {
  line: number;
  fields: Record<string, unknown>;
}

export interface RecordProblem {
  line: number;
  sku?: string;
  message: string;
}

export interface ParsedFile {
  format: ImportFormat;
  records: ImportRecord[];
  /** Lines that are not records at all (bad JSON, wrong column count); they count as failed products. */
  problems: RecordProblem[];
}

/** A problem with the file as a whole (empty, unknown columns): nothing in it is imported. */
export class ImportFileError extends Error {}

export function detectFormat(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return "jsonl";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

export function parseImportFile(fileName: string, text: string): ParsedFile {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) throw new ImportFileError("The file is empty.");
  const format = detectFormat(fileName, body);
  return format === "csv" ? parseCsvFile(body) : parseJsonLines(body);
}

function parseJsonLines(text: string): ParsedFile {
  const records: ImportRecord[] = [];
  const problems: RecordProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: "each line must be one JSON object" });
      return;
    }
    records.push({ line, fields: value as Record<string, unknown> });
  });
  return { format: "jsonl", records, problems };
}

interface CsvInfo { lines: number; empty_lines: number }

function parseCsvFile(text: string): ParsedFile {
  const header = parseCsv(text, { to_line: 1, bom: true });
  const columns = (header[0] ?? []).map((c) => c.trim());
  const unknown = columns.filter((c) => !KNOWN_FIELDS.has(c) && !IGNORED_FIELDS.has(c));
  if (unknown.length) {
    throw new ImportFileError(`line 1: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}; the columns are: ${IMPORT_COLUMNS.join(",")}`);
  }
  if (!columns.includes("sku")) throw new ImportFileError("line 1: the header has no sku column.");
  const records: ImportRecord[] = [];
  const problems: RecordProblem[] = [];
  // csv-parse reports the line a record *ends* on; track where each one starts (quoted fields may span lines).
  let previousEnd = 1;
  let previousEmpty = 0;
  const startOf = (info: CsvInfo) => {
    const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return start;
  };
  const options: Options = {
    columns,
    from_line: 2,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    skip_records_with_error: true,
    // Both callbacks run in file order during parsing, so line tracking sees records and bad rows interleaved.
    on_record: (record, context) => {
      records.push({ line: startOf(context), fields: record as unknown as Record<string, string> });
      return record;
    },
    on_skip: (error: CsvError | undefined) => {
      const context = error as unknown as Partial<CsvInfo> | undefined;
      const line = startOf({ lines: context?.lines ?? previousEnd + 1, empty_lines: context?.empty_lines ?? previousEmpty });
      problems.push({ line, message: `bad CSV row: ${error?.message?.replace(/ on line \d+$/, "") ?? "unreadable"}` });
      return undefined;
    },
  };
  parseCsv(text, options);
  return { format: "csv", records, problems };
}

const TRUE = new Set(["true", "1", "yes", "y"]);
const FALSE = new Set(["false", "0", "no", "n"]);

/** The product input (before validation) and the image reference of one record. */
export interface RecordInput {
  input: Record<string, unknown> & { attributes: Partial<Record<AttributeName, string>> };
  image: string | null;
  unknownFields: string[];
}

/**
 * Flat columns -> { ...fields, attributes: {...} }. Empty cells mean "not given". JSON Lines may also carry an
 * `attributes` object (the API's Product shape); a flat column wins over the same attribute in it.
 */
export function recordToInput(fields: Record<string, unknown>): RecordInput {
  const given = (value: unknown) => value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");
  const attributes: Partial<Record<AttributeName, string>> = {};
  const nested = fields.attributes;
  if (nested && typeof nested === "object" && !Array.isArray(nested)) {
    for (const [name, value] of Object.entries(nested)) if (given(value)) attributes[name as AttributeName] = value as string;
  }
  for (const name of ATTRIBUTE_NAMES) if (given(fields[name])) attributes[name] = fields[name] as string;
  const input: RecordInput["input"] = { attributes };
  for (const key of ["sku", "title", "brand", "priceCents", "currency", "category", "color", "pattern", "description"]) {
    if (given(fields[key])) input[key] = fields[key];
  }
  if (given(fields.inStock)) input.inStock = booleanOf(fields.inStock);
  const image = given(fields.image) ? String(fields.image).trim() : null;
  const unknownFields = Object.keys(fields).filter((k) => !KNOWN_FIELDS.has(k) && !IGNORED_FIELDS.has(k));
  return { input, image, unknownFields };
}

function booleanOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.trim().toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
}

/** The SKU a record names, for error messages even when the record is otherwise invalid. */
export function skuOf(fields: Record<string, unknown>): string | undefined {
  return typeof fields.sku === "string" && fields.sku.trim() ? fields.sku.trim() : undefined;
}
