// Errors an API client should see, as values with an HTTP status and a stable code.
import type { ZodError } from "zod";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = "invalid_input") => new ApiError(400, code, message);
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const unauthorized = () => new ApiError(401, "unauthorized", "Sign in as a merchandiser to do this.");
export const tooLarge = (message: string) => new ApiError(413, "payload_too_large", message);
export const unsupported = (message: string) => new ApiError(415, "unsupported_media_type", message);

/** "limit: Too big; category.0: unknown category ..." — every problem, each with where it is. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
