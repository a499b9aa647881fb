import type { ArcElement, Plugin } from 'chart.js';
import { COLORS, FONT_FAMILY, FONT_SIZE } from './theme';

const MAX_TOTAL_FONT = 34;

/**
 * Writes the total in the doughnut's hole, so the parts' shares in the legend
 * have a whole to refer to. `total` is already formatted.
 */
export function doughnutTotalPlugin(total: string, caption: string): Plugin<'doughnut'> {
  return {
    id: 'doughnutTotal',
    afterDatasetsDraw(chart) {
      const arc = chart.getDatasetMeta(0).data[0] as ArcElement | undefined;
      if (arc === undefined) return;
      const { x, y, innerRadius } = arc.getProps(['x', 'y', 'innerRadius'], true);
      if (y === null) return;
      const { ctx } = chart;
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      let size = Math.min(MAX_TOTAL_FONT, innerRadius * 0.45);
      ctx.font = `bold ${size}px ${FONT_FAMILY}`;
      // Shrink a long total until it fits inside the hole with a margin.
      const room = innerRadius * 1.6;
      const measured = ctx.measureText(total).width;
      if (measured > room) {
        size = (size * room) / measured;
        ctx.font = `bold ${size}px ${FONT_FAMILY}`;
      }
      ctx.fillStyle = COLORS.title;
      ctx.fillText(total, x, y + size * 0.2);
      ctx.font = `${FONT_SIZE.legend}px ${FONT_FAMILY}`;
      ctx.fillStyle = COLORS.muted;
      ctx.fillText(caption, x, y + size * 0.2 + FONT_SIZE.legend * 1.5);
      ctx.restore();
    },
  };
}
