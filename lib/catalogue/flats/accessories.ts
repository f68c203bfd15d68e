// PLACEHOLDER drawers (being replaced): a plain box per category.
import type { DrawGarment } from "./garment";
const box: DrawGarment = () => ({ pieces: [{ d: "M312 212H712V812H312Z" }], details: "", printArea: { x0: 400, y0: 300, x1: 620, y1: 500 }, bounds: { x0: 312, y0: 212, x1: 712, y1: 812 } });
export const ACCESSORY_DRAWERS: Record<string, DrawGarment> = {
  sneakers: box,
  boots: box,
  heels: box,
  sandals: box,
  loafers: box,
  handbag: box,
  backpack: box,
  hat: box,
  scarf: box,
  belt: box,
  sunglasses: box,
};
