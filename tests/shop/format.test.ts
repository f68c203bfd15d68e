// Price and count formatting as the shop prints them.
import { describe, expect, it } from "vitest";
import { currencySymbol, formatCount, formatPrice } from "@/components/ui/format";

describe("formatPrice", () => {
  it("prints whole amounts without cents and others with two decimals, in the product's currency", () => {
    expect(formatPrice(12900, "EUR")).toBe("€129");
    expect(formatPrice(12950, "EUR")).toBe("€129.50");
    expect(formatPrice(123456, "GBP")).toBe("£1,234.56");
    expect(formatPrice(0, "USD")).toBe("US$0");
  });
});

describe("currencySymbol and formatCount", () => {
  it("gives the symbol and pluralises with grouping", () => {
    expect(currencySymbol("EUR")).toBe("€");
    expect(formatCount(1, "piece")).toBe("1 piece");
    expect(formatCount(3000, "piece")).toBe("3,000 pieces");
  });
});
