import { GlobalFonts } from '@napi-rs/canvas';
import path from 'node:path';
import { ChartError } from './errors';
import { FONT_FAMILY } from './theme';

/** Where the bundled TTF files live next to this module in the repository. */
export const DEFAULT_FONT_DIR = path.join(__dirname, 'fonts');

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

let registered = false;

/**
 * Registers the bundled font under {@link FONT_FAMILY}. Lambda has no system
 * fonts, so every text names this family and looks the same everywhere.
 * `renderChart` calls it with the default folder; a bundled entry point whose
 * `__dirname` differs calls it first with the folder it ships the fonts in.
 * Calling it again does nothing.
 *
 * @throws {ChartError} `FONT_MISSING` when a font file cannot be loaded.
 */
export function registerChartFonts(fontDir: string = DEFAULT_FONT_DIR): void {
  if (registered) return;
  for (const file of FONT_FILES) {
    const fontPath = path.join(fontDir, file);
    if (GlobalFonts.registerFromPath(fontPath, FONT_FAMILY) === null) {
      throw new ChartError('FONT_MISSING', 'The chart font is missing, so the chart could not be drawn.', {
        cause: new Error(`cannot load ${fontPath}`),
      });
    }
  }
  registered = true;
}
