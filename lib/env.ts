// Process configuration, validated once at start-up; .env.example lists every variable.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("file:./data/atelier.db"),
  /** Where product and person images are stored (content-addressed files). */
  IMAGE_DIR: z.string().default("./data/images"),
  /** The first merchandiser, created at start when no user exists. Required in production to get a login. */
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must be at least 10 characters").optional(),
  /** Catalogue generated on first start: size and seed. */
  CATALOGUE_COUNT: z.coerce.number().int().positive().default(3000),
  CATALOGUE_SEED: z.coerce.number().int().default(1),
  /** Catalogue products whose Refine feature maps each server process keeps (115 kB each). */
  REFINE_SOURCE_CACHE: z.coerce.number().int().min(0).default(1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
