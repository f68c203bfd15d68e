// One logger for the server; JSON lines in production, level from LOG_LEVEL.
import pino from "pino";

export const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined });
