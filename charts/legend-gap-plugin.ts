import type { Plugin } from 'chart.js';

const GAP = 14;

/**
 * Leaves room under a top legend. Chart.js puts the plot right below it, where
 * the top tick label of the value axis then touches the legend; the legend
 * has no margin option, so its measured height grows instead.
 */
export const legendGapPlugin: Plugin = {
  id: 'legendGap',
  beforeInit(chart) {
    const legend = chart.legend;
    if (legend === undefined) return;
    const fit = legend.fit.bind(legend);
    legend.fit = () => {
      fit();
      if (legend.options.display && legend.options.position === 'top') legend.height += GAP;
    };
  },
};
