import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/**
 * Draws the Teams app icons once (`npx tsx local/teams-icons.ts`); the PNGs are committed in teams/.
 * Teams wants a full-colour 192×192 icon and a 32×32 outline, white on transparent.
 */
const TEAMS_DIR = path.resolve(__dirname, '..', 'teams');
const ACCENT = '#2F5597';
/** Bar heights as fractions of the plot: a small rising bar chart. */
const BARS = [0.4, 0.65, 0.5, 0.9];

function drawBars(ctx: SKRSContext2D, size: number, margin: number): void {
  const plot = size - 2 * margin;
  const gap = plot / (BARS.length * 4);
  const width = (plot - gap * (BARS.length - 1)) / BARS.length;
  ctx.fillStyle = '#FFFFFF';
  BARS.forEach((height, i) => {
    const h = Math.round(plot * height);
    ctx.fillRect(Math.round(margin + i * (width + gap)), size - margin - h, Math.round(width), h);
  });
}

function icon(size: number, margin: number, background?: string): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, size, size);
  }
  drawBars(ctx, size, margin);
  return canvas.toBuffer('image/png');
}

writeFileSync(path.join(TEAMS_DIR, 'color.png'), icon(192, 40, ACCENT));
writeFileSync(path.join(TEAMS_DIR, 'outline.png'), icon(32, 4));
