/**
 * Every way a chart can fail, as a stable code the reply layer can switch on.
 *
 * - `EMPTY_DATA`: the spec is well formed but has nothing to draw.
 * - `INVALID_SPEC`: the spec does not match the `ChartSpec` schema.
 * - `INVALID_DATE`: a time label is not an ISO 8601 date.
 * - `INVALID_SIZE`: the requested width or height is out of range.
 * - `FONT_MISSING`: the bundled font file could not be loaded.
 * - `RENDER_FAILED`: Chart.js or the canvas threw while drawing or encoding.
 */
export type ChartErrorCode =
  'EMPTY_DATA' | 'INVALID_SPEC' | 'INVALID_DATE' | 'INVALID_SIZE' | 'FONT_MISSING' | 'RENDER_FAILED';

/**
 * An error from `charts/`, whose `message` is written for the person who asked
 * the question; internals stay in `cause`.
 */
export class ChartError extends Error {
  override readonly name = 'ChartError';

  constructor(
    readonly code: ChartErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
