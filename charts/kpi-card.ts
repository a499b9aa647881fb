import type { SKRSContext2D } from '@napi-rs/canvas';
import type { KpiSpec } from './chart-spec';
import { formatNumber } from './format';
import { charsThatFit, wrapText } from './text-fit';
import { COLORS, COMPACT_FROM, FONT_FAMILY, FONT_SIZE, MAX_TITLE_LINES, PADDING } from './theme';

const VALUE_FONT = 96;
const LABEL_FONT = 22;
const DELTA_FONT = 20;
const ARROW = 14;

/**
 * Draws a KPI card straight on the canvas (no Chart.js): the heading as on
 * every chart, then the big formatted value, its label, and the change with an
 * arrow, green when it goes the `better` way and red otherwise. `width` and
 * `height` are CSS pixels; the context is already scaled to the device.
 */
export function drawKpiCard(ctx: SKRSContext2D, spec: KpiSpec, width: number, height: number): void {
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, width, height);
  const top = drawHeading(ctx, spec, width);

  const room = width - PADDING.left - PADDING.right;
  const value = formatNumber(spec.value, spec.unit, { compact: Math.abs(spec.value) >= COMPACT_FROM });
  const valueSize = fitFontSize(ctx, value, 'bold', VALUE_FONT, room);
  const blockHeight = valueSize + LABEL_FONT * 1.8 + (spec.delta ? DELTA_FONT * 2.2 : 0);
  // Centre the block in the space under the heading, nudged up a little: the
  // eye puts the optical centre above the geometric one.
  let y = top + Math.max(0, (height - PADDING.bottom - top - blockHeight) * 0.45) + valueSize * 0.8;
  const centre = width / 2;

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = COLORS.title;
  ctx.font = `bold ${valueSize}px ${FONT_FAMILY}`;
  ctx.fillText(value, centre, y);

  y += LABEL_FONT * 1.8;
  ctx.fillStyle = COLORS.text;
  ctx.font = `${fitFontSize(ctx, spec.label, '', LABEL_FONT, room)}px ${FONT_FAMILY}`;
  ctx.fillText(spec.label, centre, y);

  if (spec.delta) drawDelta(ctx, spec.delta, centre, y + DELTA_FONT * 2.2);
}

/** Draws the title and subtitle at the top left; returns the y below them. */
function drawHeading(ctx: SKRSContext2D, spec: KpiSpec, width: number): number {
  const room = width - PADDING.left - PADDING.right;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let y = PADDING.top;
  ctx.fillStyle = COLORS.title;
  ctx.font = `bold ${FONT_SIZE.title}px ${FONT_FAMILY}`;
  for (const line of wrapText(spec.title, charsThatFit(room, FONT_SIZE.title, 'bold'), MAX_TITLE_LINES)) {
    ctx.fillText(line, PADDING.left, y);
    y += FONT_SIZE.title * 1.25;
  }
  if (spec.subtitle) {
    ctx.fillStyle = COLORS.muted;
    ctx.font = `${FONT_SIZE.subtitle}px ${FONT_FAMILY}`;
    const [line = ''] = wrapText(spec.subtitle, charsThatFit(room, FONT_SIZE.subtitle, 'normal'), 1);
    ctx.fillText(line, PADDING.left, y + 4);
    y += FONT_SIZE.subtitle * 1.25 + 4;
  }
  return y;
}

function drawDelta(ctx: SKRSContext2D, delta: NonNullable<KpiSpec['delta']>, centre: number, baseline: number): void {
  const direction = Math.sign(delta.value);
  const good = direction === 0 ? undefined : direction > 0 === ((delta.better ?? 'up') === 'up');
  const color = good === undefined ? COLORS.muted : good ? COLORS.positive : COLORS.negative;
  const change = (direction > 0 ? '+' : '') + formatNumber(delta.value, { kind: 'percent' });
  const context = delta.label === '' ? '' : `  ${delta.label}`;

  ctx.font = `bold ${DELTA_FONT}px ${FONT_FAMILY}`;
  const changeWidth = ctx.measureText(change).width;
  ctx.font = `${DELTA_FONT}px ${FONT_FAMILY}`;
  const contextWidth = ctx.measureText(context).width;
  const arrowWidth = direction === 0 ? 0 : ARROW + 8;
  let x = centre - (arrowWidth + changeWidth + contextWidth) / 2;

  ctx.fillStyle = color;
  if (direction !== 0) {
    // A drawn triangle, not a glyph: its shape carries the direction for
    // readers who cannot tell the green from the red.
    const mid = baseline - DELTA_FONT * 0.36;
    const tip = direction > 0 ? mid - ARROW / 2 : mid + ARROW / 2;
    const base = direction > 0 ? mid + ARROW / 2 : mid - ARROW / 2;
    ctx.beginPath();
    ctx.moveTo(x, base);
    ctx.lineTo(x + ARROW, base);
    ctx.lineTo(x + ARROW / 2, tip);
    ctx.closePath();
    ctx.fill();
    x += arrowWidth;
  }
  ctx.textAlign = 'left';
  ctx.font = `bold ${DELTA_FONT}px ${FONT_FAMILY}`;
  ctx.fillText(change, x, baseline);
  ctx.fillStyle = COLORS.muted;
  ctx.font = `${DELTA_FONT}px ${FONT_FAMILY}`;
  ctx.fillText(context, x + changeWidth, baseline);
}

// The largest size up to `max` at which the text fits the room.
function fitFontSize(ctx: SKRSContext2D, text: string, weight: string, max: number, room: number): number {
  ctx.font = `${weight} ${max}px ${FONT_FAMILY}`.trim();
  const measured = ctx.measureText(text).width;
  return measured <= room ? max : Math.floor((max * room) / measured);
}
