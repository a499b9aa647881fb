import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
} from 'chart.js';
import { COLORS, FONT_FAMILY } from './theme';

let registered = false;

/**
 * Registers the Chart.js pieces our kinds use, and nothing else (no tooltip,
 * no animation, no time scale), and makes the bundled font the default so no
 * text can fall back to a system font. Calling it again does nothing.
 */
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    ScatterController,
    DoughnutController,
    ArcElement,
    CategoryScale,
    LinearScale,
    Legend,
    Title,
    SubTitle,
  );
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = COLORS.text;
  registered = true;
}
