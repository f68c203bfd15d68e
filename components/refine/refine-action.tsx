// The product page's "Refine" action: opens the Refine studio with this piece as the starting point.
import { ButtonLink } from "@/components/ui/button";

export function RefineAction({ productId }: { productId: string }) {
  return (
    <ButtonLink href={`/refine?from=${encodeURIComponent(productId)}`} variant="secondary" size="md" prefetch={false} data-testid="refine-action">
      Refine this piece
    </ButtonLink>
  );
}
