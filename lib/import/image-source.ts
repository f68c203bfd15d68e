import "server-only";
// Where an import's `image` column points: a file uploaded with the data file (by name), a file in a folder (CLI),
// or an inline data URL. Names are matched by base name only, so a record can never reach outside its images.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { checkImageSize, parseImageDataUrl } from "../images/validate";

export interface ImageSource {
  /** Number of images available by name, for messages. */
  readonly count: number;
  /** The bytes for a name, or a message saying why there are none. */
  load(name: string): Promise<{ ok: true; data: Uint8Array } | { ok: false; message: string }>;
}

/** Base name, so "images/shirt.png" and "shirt.png" both find an uploaded shirt.png. */
export function imageName(reference: string): string {
  return path.posix.basename(reference.replace(/\\/g, "/")).trim();
}

abstract class NamedImages implements ImageSource {
  abstract readonly count: number;
  protected abstract read(name: string): Promise<Uint8Array | null>;
  protected abstract has(name: string): string | null;

  async load(reference: string) {
    if (reference.startsWith("data:")) {
      const check = await parseImageDataUrl(reference);
      return check.ok ? { ok: true as const, data: check.data } : { ok: false as const, message: `image: ${check.message}` };
    }
    if (/^https?:\/\//i.test(reference)) {
      return { ok: false as const, message: `image "${reference}": URLs are not fetched; upload the file and give its name` };
    }
    const name = this.has(imageName(reference));
    if (!name) {
      return { ok: false as const, message: `image "${reference}" was not among the ${this.count} image file${this.count === 1 ? "" : "s"} given` };
    }
    try {
      const data = await this.read(name);
      return data ? { ok: true as const, data } : { ok: false as const, message: `image "${reference}" could not be read` };
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
  }
}

/** Uploaded files (multipart), held in memory for the duration of the job. */
export class UploadedImages extends NamedImages {
  private readonly byName = new Map<string, Uint8Array>();
  private readonly byLowerName = new Map<string, string>();

  constructor(files: { name: string; data: Uint8Array }[]) {
    super();
    for (const file of files) {
      const name = imageName(file.name);
      this.byName.set(name, file.data);
      this.byLowerName.set(name.toLowerCase(), name);
    }
  }

  get count() {
    return this.byName.size;
  }

  protected has(name: string) {
    return this.byName.has(name) ? name : (this.byLowerName.get(name.toLowerCase()) ?? null);
  }

  protected async read(name: string) {
    return this.byName.get(name) ?? null;
  }
}

/** A folder of images (the CLI's --images). Files are read only when a record names them, size-checked first. */
export class FolderImages extends NamedImages {
  private constructor(
    private readonly dir: string,
    private readonly names: Map<string, string>,
  ) {
    super();
  }

  static async open(dir: string): Promise<FolderImages> {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = new Map<string, string>();
    for (const entry of entries) if (entry.isFile()) names.set(entry.name.toLowerCase(), entry.name);
    return new FolderImages(path.resolve(dir), names);
  }

  get count() {
    return this.names.size;
  }

  protected has(name: string) {
    return this.names.get(name.toLowerCase()) ?? null;
  }

  protected async read(name: string) {
    const file = path.join(this.dir, name);
    const tooBig = checkImageSize((await stat(file)).size);
    if (tooBig && !tooBig.ok) throw new Error(`image "${name}": ${tooBig.message}`);
    return readFile(file);
  }
}
