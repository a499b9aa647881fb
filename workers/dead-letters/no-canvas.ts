/**
 * Stands in for `@napi-rs/canvas` in the dead-letter consumer's bundle only: the Slack adapter
 * imports the chart renderer, which loads the native canvas, but a failure note draws no chart.
 * infra/bundles.ts aliases the package here, so that Lambda ships no binary it never calls. The
 * names are the ones charts/ imports (esbuild fails the build on any other); calling one is a bug.
 */
function notInThisBundle(): never {
  throw new Error('@napi-rs/canvas is not in the dead-letter consumer’s bundle.');
}

export const createCanvas = notInThisBundle;
export const GlobalFonts = { registerFromPath: notInThisBundle };
