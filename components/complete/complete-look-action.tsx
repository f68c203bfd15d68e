// The product page's "Complete the look" action: opens the outfit builder with this piece on the board.
import { ButtonLink } from "@/components/ui/button";

export function CompleteLookAction({ productId }: { productId: string }) {
  return (
    <ButtonLink href={`/outfit?items=${encodeURIComponent(productId)}`} variant="secondary" size="md" prefetch={false} data-testid="complete-the-look">
      Complete the look
    </ButtonLink>
  );
}
