/**
 * Stands in, in the edge bundle only, for packages Bolt loads for receivers
 * the Lambda never runs: `undici` (Socket Mode's WebSocket client) and
 * `iconv-lite` (the HTTP receiver's body decoding). Together they are about
 * 1 MB of the bundle, and cold start grows with bundle size. infra/bundles.ts
 * aliases them here; nothing reads from them at load time, and the Lambda
 * path never calls them.
 */
export {};
