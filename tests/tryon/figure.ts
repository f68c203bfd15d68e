// A plain standing figure drawn from SVG (no real photo in the repo): head, neck, torso, arms, legs, shoes, on a
// light studio background, with skin, a top and trousers in flat colours, the way a simple fashion illustration is.
import sharp from "sharp";

export interface FigureOptions {
  width?: number;
  height?: number;
  /** Share of the image height the figure spans (head to feet). */
  size?: number;
  /** Draw only the top part (0–1 of the figure), as a half-body crop would show. */
  visible?: number;
}

export function figureSvg({ width = 768, height = 1024, size = 0.9, visible = 1 }: FigureOptions = {}): string {
  const u = (height * size) / 8; // one "head" unit: a standing adult is about 8 heads tall
  const cx = width / 2;
  const top = (height - 8 * u) / 2;
  const y = (heads: number) => top + heads * u;
  const skin = "#c68863";
  const parts = [
    `<ellipse cx="${cx}" cy="${y(0.5)}" rx="${0.38 * u}" ry="${0.5 * u}" fill="${skin}"/>`,
    `<path d="M ${cx - 0.4 * u} ${y(0.45)} Q ${cx} ${y(-0.15)} ${cx + 0.4 * u} ${y(0.45)} L ${cx + 0.4 * u} ${y(0.3)} Q ${cx} ${y(-0.1)} ${cx - 0.4 * u} ${y(0.3)} Z" fill="#3b2a20"/>`,
    `<rect x="${cx - 0.15 * u}" y="${y(0.9)}" width="${0.3 * u}" height="${0.5 * u}" fill="${skin}"/>`,
    // arms (skin), hanging slightly away from the body
    `<path d="M ${cx - 0.95 * u} ${y(1.45)} L ${cx - 1.25 * u} ${y(3.9)}" stroke="${skin}" stroke-width="${0.32 * u}" stroke-linecap="round"/>`,
    `<path d="M ${cx + 0.95 * u} ${y(1.45)} L ${cx + 1.25 * u} ${y(3.9)}" stroke="${skin}" stroke-width="${0.32 * u}" stroke-linecap="round"/>`,
    // legs (trousers) and shoes
    `<path d="M ${cx - 0.42 * u} ${y(3.7)} L ${cx - 0.5 * u} ${y(7.7)}" stroke="#2f3e66" stroke-width="${0.5 * u}" stroke-linecap="butt"/>`,
    `<path d="M ${cx + 0.42 * u} ${y(3.7)} L ${cx + 0.5 * u} ${y(7.7)}" stroke="#2f3e66" stroke-width="${0.5 * u}" stroke-linecap="butt"/>`,
    `<ellipse cx="${cx - 0.6 * u}" cy="${y(7.85)}" rx="${0.35 * u}" ry="${0.15 * u}" fill="#222"/>`,
    `<ellipse cx="${cx + 0.6 * u}" cy="${y(7.85)}" rx="${0.35 * u}" ry="${0.15 * u}" fill="#222"/>`,
    // torso: a short-sleeved top over shoulders to hips
    `<path d="M ${cx - 1.0 * u} ${y(1.35)} Q ${cx} ${y(1.15)} ${cx + 1.0 * u} ${y(1.35)} L ${cx + 1.2 * u} ${y(2.2)} L ${cx + 0.8 * u} ${y(2.3)} L ${cx + 0.75 * u} ${y(3.9)} L ${cx - 0.75 * u} ${y(3.9)} L ${cx - 0.8 * u} ${y(2.3)} L ${cx - 1.2 * u} ${y(2.2)} Z" fill="#b8433a"/>`,
  ];
  const clip = visible < 1 ? `<clipPath id="c"><rect x="0" y="0" width="${width}" height="${y(8 * visible)}"/></clipPath>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ecebe8"/>${clip}<g ${visible < 1 ? 'clip-path="url(#c)"' : ""}>${parts.join("")}</g></svg>`;
}

export async function figurePng(options?: FigureOptions): Promise<Buffer> {
  return sharp(Buffer.from(figureSvg(options))).png().toBuffer();
}

export async function blankPng(width = 768, height = 1024, colour = "#f2f2f2"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}
