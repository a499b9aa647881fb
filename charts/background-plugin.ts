import type { Plugin } from 'chart.js';
import { COLORS } from './theme';

/**
 * Paints the whole image white before anything else: a PNG is transparent by
 * default, and a transparent chart is unreadable in Slack's dark mode.
 */
export const backgroundPlugin: Plugin = {
  id: 'background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = COLORS.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
