import "server-only";
// The one wrapper every route handler uses: parses query/body/params with zod, enforces a body size
// limit before reading, checks the merchandiser session where asked, and turns errors into
// { error: { code, message } } with a 4xx, or a logged 500 for bugs.
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type z } from "zod";
import { log } from "../log";
import { ApiError, badRequest, describeZodError, errorBody, tooLarge, unauthorized } from "./errors";

const DEFAULT_BODY_LIMIT = 64 * 1024;

interface RouteOptions<Q extends z.ZodType | undefined, B extends z.ZodType | undefined> {
  query?: Q;
  body?: B;
  /** Maximum request body in bytes, checked before the body is read. */
  bodyLimit?: number;
  /** Require a merchandiser session. */
  admin?: boolean;
}

type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface RouteContext<Q, B> {
  request: NextRequest;
  query: Q;
  body: B;
  params: Record<string, string>;
  userId?: string;
}

export function apiRoute<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  options: RouteOptions<Q, B>,
  handler: (ctx: RouteContext<Parsed<Q>, Parsed<B>>) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    try {
      let userId: string | undefined;
      if (options.admin) {
        const { sessionUserFromRequest } = await import("../auth/session");
        const user = await sessionUserFromRequest(request);
        if (!user) throw unauthorized();
        userId = user.id;
      }
      const query = options.query ? options.query.parse(queryObject(request)) : undefined;
      const body = options.body ? options.body.parse(await readJson(request, options.bodyLimit ?? DEFAULT_BODY_LIMIT)) : undefined;
      const params = (await context.params) ?? {};
      const result = await handler({ request, query: query as Parsed<Q>, body: body as Parsed<B>, params, userId });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request?: Request): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json(errorBody(error.code, error.message), { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(errorBody("invalid_input", describeZodError(error)), { status: 400 });
  }
  log.error({ err: error, url: request?.url }, "unhandled error in route handler");
  return NextResponse.json(errorBody("internal", "Something went wrong on our side. Please try again."), { status: 500 });
}

/** Repeated keys become arrays, so ?color=red&color=blue and ?color=red,blue both work. */
function queryObject(request: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of request.nextUrl.searchParams) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(`Request body is ${declared} bytes; the limit is ${limit}.`);
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw badRequest("Send a JSON body with Content-Type: application/json.", "unsupported_media_type");
  const text = await readLimited(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.", "invalid_json");
  }
}

/** Reads the body but stops at the limit, for clients that send no or a false content-length. */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(`Request body exceeds the limit of ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
