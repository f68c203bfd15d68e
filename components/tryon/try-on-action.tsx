// The product page's "Try it on" action, shown only for garments the try-on networks dress.
import { ButtonLink } from "@/components/ui/button";
import { isTryOnSlot } from "@/lib/tryon/slots";

export function TryOnAction({ productId, slot }: { productId: string; slot: string }) {
  if (!isTryOnSlot(slot)) return null;
  return (
    <ButtonLink href={`/try-on?products=${encodeURIComponent(productId)}`} variant="secondary" size="md" prefetch={false} data-testid="try-on-action">
      Try it on
    </ButtonLink>
  );
}
