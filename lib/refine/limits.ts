// Refine's request limits, shared by the server, the schemas and the UI.
export const MAX_K = 100;
export const DEFAULT_K = 24;
/** "all" lifts the category filter; by default a catalogue source searches its own category (as Fashion IQ). */
export const ALL_CATEGORIES = "all";
