// Display formatting shared by shopper and merchandiser pages (pure; safe in server and client components).

const priceFormats = new Map<string, Intl.NumberFormat>();

/**
 * A price in minor units shown in its own currency, e.g. 12900 EUR -> "€129", 12950 -> "€129.50".
 * Whole amounts drop the cents, as fashion shops print them; the locale is fixed so server and client agree.
 */
export function formatPrice(cents: number, currency: string, locale = "en-GB"): string {
  const whole = cents % 100 === 0;
  const key = `${locale}|${currency}|${whole}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    priceFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** The currency's symbol alone ("€"), for labelling price inputs. */
export function currencySymbol(currency: string, locale = "en-GB"): string {
  const part = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency");
  return part?.value ?? currency;
}

/** "1 piece" / "3,000 pieces". */
export function formatCount(count: number, singular: string, plural = `${singular}s`, locale = "en-GB"): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? singular : plural}`;
}
