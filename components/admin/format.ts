// Display formatting for console forms (prices shown via components/ui/format).

/** Cents -> the form's price text ("4990" -> "49.90"). */
export function priceText(cents: number): string {
  return (cents / 100).toFixed(2);
}
