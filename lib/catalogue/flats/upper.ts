// PLACEHOLDER drawers (being replaced): a plain box per category.
import type { DrawGarment } from "./garment";
const box: DrawGarment = () => ({ pieces: [{ d: "M312 212H712V812H312Z" }], details: "", printArea: { x0: 400, y0: 300, x1: 620, y1: 500 }, bounds: { x0: 312, y0: 212, x1: 712, y1: 812 } });
export const UPPER_DRAWERS: Record<string, DrawGarment> = {
  tshirt: box,
  blouse: box,
  shirt: box,
  sweater: box,
  tank: box,
  hoodie: box,
  dress: box,
  jumpsuit: box,
  jacket: box,
  coat: box,
  blazer: box,
};
