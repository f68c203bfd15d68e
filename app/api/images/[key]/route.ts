import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { readImage } from "@/lib/images/store";

const KEY = /^[a-f0-9]{32}\.(webp|png|jpg)$/;
const MIME: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg" };

// Keys are content hashes, so a response never changes and may be cached forever.
export const GET = apiRoute({}, async ({ params }) => {
  const key = params.key ?? "";
  const data = KEY.test(key) ? await readImage(key) : null;
  if (!data) throw notFound(`No image "${key}".`);
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": MIME[key.split(".").pop()!],
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
