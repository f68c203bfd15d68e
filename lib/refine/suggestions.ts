// Suggestion chips for the Refine box: the phrases shoppers use most (shared/refinement-vocabulary.tsv: "darker",
// "long sleeves", "more casual" …) and the ontology's relative phrases, colours and patterns, in shopper words.
import { labelOf, ontology } from "../ontology";

const COMMON = ["darker", "lighter", "longer", "shorter", "long sleeves", "no sleeves", "more casual", "more formal", "v-neck", "floral", "striped", "looser", "tighter", "plainer", "more colorful", "shinier"];
const COLORS = ["black", "white", "red", "blue", "navy", "green", "pink", "beige", "yellow", "burgundy"];
const PATTERNS = ["floral", "striped", "polka_dot", "plaid", "leopard", "graphic"];

/** Chips in display order, each a phrase that reads well after "is"/"has" or alone. */
export function refineSuggestions(): string[] {
  const relative = Object.keys(ontology.relative_phrases as Record<string, string>).filter((k) => k !== "about");
  const colours = COLORS.map((c) => `is ${labelOf(c).toLowerCase()}`);
  const patterns = PATTERNS.map((p) => `has a ${labelOf(p).toLowerCase()} print`.replace("a polka dot print", "polka dots"));
  return [...new Set([...COMMON.slice(0, 8), ...colours.slice(0, 6), ...relative, ...COMMON.slice(8), ...patterns])].slice(0, 28);
}
